using System;
using System.IO;
using System.IO.Compression;

namespace NetGen.Data.Tests.Support;

/// <summary>
/// Writes gzip files that inflate to far more than they hold: a prefix, then zero bytes, which deflate
/// compresses about a thousand to one, so a gigabyte takes a megabyte on disk and a fraction of a
/// second to write.
/// </summary>
internal static class GzipBomb
{
    public const long GiB = 1L << 30;

    public static string Write(TemporaryDirectory directory, string name, byte[] prefix, long zeros)
    {
        string path = Path.Combine(directory.Path, name);
        using var file = File.Create(path);
        using var compressor = new GZipStream(file, CompressionLevel.Optimal);
        compressor.Write(prefix);
        var block = new byte[1 << 20];
        for (long left = zeros; left > 0; left -= block.Length)
            compressor.Write(block, 0, (int)Math.Min(block.Length, left));
        return path;
    }

    /// <summary>The gzip bytes of <paramref name="bytes"/>, to cut or alter before writing.</summary>
    public static byte[] Compress(byte[] bytes)
    {
        var buffer = new MemoryStream();
        using (var compressor = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            compressor.Write(bytes);
        return buffer.ToArray();
    }
}
