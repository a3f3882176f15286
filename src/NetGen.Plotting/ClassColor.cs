using System.Drawing;

namespace NetGen.Plotting;

/// <summary>
/// The two colours of one class in <see cref="Plots.SaveDecisionRegions{T}"/>: a strong one for its
/// samples and a light, opaque one for the region the classifier gives it.
/// </summary>
/// <param name="Point">The fill of the class's data points (drawn with a dark outline).</param>
/// <param name="Region">The fill of the grid cells classified as the class: <c>Region = 0.3·Point + 0.7·white</c>, per channel, rounded.</param>
public readonly record struct ClassColor(Color Point, Color Region);
