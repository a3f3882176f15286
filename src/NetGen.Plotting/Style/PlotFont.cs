using System;
using System.Linq;
using ScottPlot;
using SkiaSharp;

namespace NetGen.Plotting;

/// <summary>
/// Picks a sans-serif family for every label. ScottPlot's own choice falls back to the first family
/// Skia lists, which on a bare Debian (DejaVu only) is DejaVu Serif.
/// </summary>
/// <remarks>
/// On Linux the SkiaSharp build ScottPlot brings (NativeAssets.Linux.NoDependencies) does not ask
/// fontconfig: it reads the font files under /usr/share/fonts itself. With none there, text is
/// silently left out of the image; Debian's fonts-dejavu-core provides them.
/// </remarks>
internal static class PlotFont
{
    private static readonly string[] Preferred =
        ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Segoe UI", "Helvetica", "Arial"];

    private static readonly Lazy<string?> Sans = new(() =>
    {
        string[] installed = SKFontManager.Default.GetFontFamilies();
        return Preferred.FirstOrDefault(family => installed.Contains(family, StringComparer.OrdinalIgnoreCase));
    });

    /// <summary>Sets every label of <paramref name="plot"/> in the first preferred family that is installed; else leaves ScottPlot's choice.</summary>
    public static void Apply(Plot plot)
    {
        if (Sans.Value is { } family)
            plot.Font.Set(family);
    }
}
