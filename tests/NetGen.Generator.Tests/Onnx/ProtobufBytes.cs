using System;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// Protobuf's wire format written by hand, field by field, so that tests can build any message, well formed or
/// not, independently of the reader under test.
/// </summary>
internal static class ProtobufBytes
{
    public static byte[] Varint(ulong value)
    {
        var bytes = new System.Collections.Generic.List<byte>();
        do
        {
            byte next = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? next : (byte)(next | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    public static byte[] Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    public static byte[] VarintField(int field, long value) => [.. Tag(field, 0), .. Varint(unchecked((ulong)value))];

    public static byte[] FloatField(int field, float value) => [.. Tag(field, 5), .. BitConverter.GetBytes(value)];

    public static byte[] StringField(int field, string value) => Message(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A length-delimited field (an embedded message, a string, bytes or a packed list) holding <paramref name="parts"/> one after the other.</summary>
    public static byte[] Message(int field, params byte[][] parts)
    {
        byte[] content = Concat(parts);
        return [.. Tag(field, 2), .. Varint((ulong)content.Length), .. content];
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(part => part).ToArray();
}
