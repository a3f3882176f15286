using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace NetGen.Data.Tests.Support;

/// <summary>The shipped data files, parsed here with plain string splitting, independently of the library's reader.</summary>
internal static class ReferenceFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    /// <summary>The non-blank lines of a shipped file, decompressed when its name ends in .gz.</summary>
    public static List<string> Lines(string name)
    {
        using Stream file = File.OpenRead(PathOf(name));
        using Stream text = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(text);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
                lines.Add(line);
        }
        return lines;
    }

    public static double[] Numbers(string line)
    {
        string[] cells = line.Split(',');
        var numbers = new double[cells.Length];
        for (int i = 0; i < cells.Length; i++)
            numbers[i] = double.Parse(cells[i], CultureInfo.InvariantCulture);
        return numbers;
    }
}
