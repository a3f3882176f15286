using System;

namespace NetGen;

/// <summary>
/// The CRC-32 of gzip's trailer (ISO-HDLC: reflected polynomial 0xEDB88320, initial and final value
/// 0xFFFFFFFF), so that <see cref="GzipInput"/> can check each member itself: System.IO.Hashing is a
/// package of its own, and the runtime keeps its CRC internal.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    /// <summary>
    /// The CRC-32 of everything <paramref name="crc"/> covered followed by <paramref name="bytes"/>;
    /// start from 0 for an empty run.
    /// </summary>
    internal static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        uint[] table = s_table;
        crc = ~crc;
        foreach (byte b in bytes)
            crc = table[(byte)(crc ^ b)] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
