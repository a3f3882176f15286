using System;
using System.Drawing;
using System.IO;
using SkiaSharp;
using Xunit;

namespace NetGen.Plotting.Tests;

/// <summary>A decoded PNG file and questions about its pixels.</summary>
public sealed class Png : IDisposable
{
    private readonly SKBitmap _bitmap;

    private Png(SKBitmap bitmap) => _bitmap = bitmap;

    public int Width => _bitmap.Width;
    public int Height => _bitmap.Height;

    /// <summary>Decodes <paramref name="path"/>, failing the test when it is missing or is not a PNG.</summary>
    public static Png Load(string path)
    {
        Assert.True(File.Exists(path), $"Expected a file at {path}.");
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G',
            $"{path} does not start with the PNG signature.");
        SKBitmap? bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return new Png(bitmap);
    }

    public Color this[int x, int y]
    {
        get
        {
            SKColor c = _bitmap.GetPixel(x, y);
            return Color.FromArgb(c.Alpha, c.Red, c.Green, c.Blue);
        }
    }

    /// <summary>The number of pixels within <paramref name="tolerance"/> of <paramref name="color"/> in every channel.</summary>
    public int Count(Color color, int tolerance = 2)
    {
        int count = 0;
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                if (Close(this[x, y], color, tolerance))
                    count++;
        return count;
    }

    public static bool Close(Color actual, Color expected, int tolerance = 2) =>
        Math.Abs(actual.R - expected.R) <= tolerance && Math.Abs(actual.G - expected.G) <= tolerance &&
        Math.Abs(actual.B - expected.B) <= tolerance && Math.Abs(actual.A - expected.A) <= tolerance;

    /// <summary>Fails unless the pixel at (x, y) is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public void AssertColor(int x, int y, Color expected, string what, int tolerance = 2)
    {
        Color actual = this[x, y];
        Assert.True(Close(actual, expected, tolerance),
            $"{what}: pixel ({x}, {y}) is {Describe(actual)}, expected {Describe(expected)} ± {tolerance}.");
    }

    private static string Describe(Color c) => $"#{c.R:X2}{c.G:X2}{c.B:X2} (alpha {c.A})";

    public void Dispose() => _bitmap.Dispose();
}
