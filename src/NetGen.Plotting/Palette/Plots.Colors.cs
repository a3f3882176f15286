using System;
using System.Collections.Generic;
using System.Drawing;
using System.Linq;

namespace NetGen.Plotting;

public static partial class Plots
{
    // Tableau's ten categorical colours (matplotlib's "tab10"): distinct from each other, also for the
    // commonest colour-vision deficiencies, and familiar from every Python notebook.
    private static readonly string[] Tableau10 =
    [
        "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD",
        "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF",
    ];

    // Light enough that the strong points stand out on it, dark enough that regions stay apart.
    private const double RegionTint = 0.3;

    /// <summary>
    /// The colours of classes 0 to 9 in <see cref="SaveDecisionRegions{T}"/>: Tableau's ten categorical
    /// colours (blue, orange, green, red, purple, brown, pink, grey, olive, cyan) for the points, each
    /// mixed with white for its region (see <see cref="ClassColor.Region"/>). Class k ≥ 10 takes entry k mod 10.
    /// </summary>
    public static IReadOnlyList<ClassColor> ClassColors { get; } = Tableau10
        .Select(ColorTranslator.FromHtml)
        .Select(point => new ClassColor(point, Tint(point, RegionTint)))
        .ToArray();

    /// <summary>The colour of the training curve in <see cref="SaveLoss"/> and <see cref="SaveAccuracy"/>: Tableau blue, #1F77B4.</summary>
    public static Color TrainingColor { get; } = ColorTranslator.FromHtml(Tableau10[0]);

    /// <summary>The colour of the validation curve in <see cref="SaveLoss"/> and <see cref="SaveAccuracy"/>: Tableau orange, #FF7F0E.</summary>
    public static Color ValidationColor { get; } = ColorTranslator.FromHtml(Tableau10[1]);

    /// <summary>The colours of class <paramref name="label"/>: <c>ClassColors[label mod 10]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is negative.</exception>
    public static ClassColor ColorOfClass(int label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(label);
        return ClassColors[label % ClassColors.Count];
    }

    // The point colour blended toward white; the region stays opaque so that its pixels are exactly this colour.
    private static Color Tint(Color color, double amount) => Color.FromArgb(
        Mix(color.R, amount), Mix(color.G, amount), Mix(color.B, amount));

    private static int Mix(byte channel, double amount) => (int)Math.Round(amount * channel + (1 - amount) * 255);

    internal static ScottPlot.Color ToScottPlot(Color color) => new(color.R, color.G, color.B, color.A);
}
