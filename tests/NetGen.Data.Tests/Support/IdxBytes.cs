using System;
using System.Buffers.Binary;

namespace NetGen.Data.Tests.Support;

/// <summary>Builds IDX files byte by byte, written here from the format's description rather than from the reader.</summary>
internal static class IdxBytes
{
    public const uint ImagesMagic = 0x00000803, LabelsMagic = 0x00000801;

    public static byte[] Images(int count, int rows, int columns, byte[] pixels, uint magic = ImagesMagic) =>
        Concat(BigEndian(magic, (uint)count, (uint)rows, (uint)columns), pixels);

    public static byte[] Labels(byte[] labels, uint magic = LabelsMagic) =>
        Concat(BigEndian(magic, (uint)labels.Length), labels);

    public static byte[] Labels(int declaredCount, byte[] labels) =>
        Concat(BigEndian(LabelsMagic, (uint)declaredCount), labels);

    public static byte[] BigEndian(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 * i), words[i]);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts)
    {
        int length = 0;
        foreach (byte[] part in parts)
            length += part.Length;
        var result = new byte[length];
        int offset = 0;
        foreach (byte[] part in parts)
        {
            part.CopyTo(result, offset);
            offset += part.Length;
        }
        return result;
    }

    public static byte[] Take(byte[] bytes, int count) => bytes.AsSpan(0, count).ToArray();
}
