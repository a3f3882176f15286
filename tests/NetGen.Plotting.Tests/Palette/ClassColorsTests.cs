using System;
using System.Drawing;
using System.Linq;
using Xunit;

namespace NetGen.Plotting.Tests;

public class ClassColorsTests
{
    [Fact]
    public void Holds_tableau_ten_for_the_points()
    {
        string[] expected = ["#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F", "#BCBD22", "#17BECF"];

        Assert.Equal(expected, Plots.ClassColors.Select(c => $"#{c.Point.R:X2}{c.Point.G:X2}{c.Point.B:X2}"));
    }

    [Fact]
    public void Regions_are_the_points_mixed_with_white()
    {
        foreach (ClassColor color in Plots.ClassColors)
        {
            Assert.Equal(255, color.Region.A);
            Assert.Equal(Mix(color.Point.R), color.Region.R);
            Assert.Equal(Mix(color.Point.G), color.Region.G);
            Assert.Equal(Mix(color.Point.B), color.Region.B);
        }

        static int Mix(byte channel) => (int)Math.Round(0.3 * channel + 0.7 * 255);
    }

    [Fact]
    public void Every_colour_is_distinct()
    {
        var all = Plots.ClassColors.SelectMany(c => new[] { c.Point, c.Region }).Select(c => c.ToArgb()).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Classes_past_the_palette_wrap_around()
    {
        Assert.Equal(Plots.ClassColors[2], Plots.ColorOfClass(12));
        Assert.Equal(Plots.ClassColors[0], Plots.ColorOfClass(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plots.ColorOfClass(-1));
    }

    [Fact]
    public void Curves_use_tableau_blue_and_orange()
    {
        Assert.Equal(Color.FromArgb(0x1F, 0x77, 0xB4).ToArgb(), Plots.TrainingColor.ToArgb());
        Assert.Equal(Color.FromArgb(0xFF, 0x7F, 0x0E).ToArgb(), Plots.ValidationColor.ToArgb());
    }
}
