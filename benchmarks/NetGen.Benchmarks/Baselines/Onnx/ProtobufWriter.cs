using System;
using System.IO;
using System.Text;

namespace NetGen.Benchmarks.Baselines.Onnx;

/// <summary>
/// The few protobuf encodings an ONNX model needs (varint and length-delimited), so that the
/// benchmarks can write their ONNX files without the onnx package or a protobuf library.
/// Nested messages are written into their own buffer first, since protobuf prefixes them with their length.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int Varint = 0, LengthDelimited = 2;
    private readonly MemoryStream _buffer = new();

    public byte[] ToArray() => _buffer.ToArray();

    public ProtobufWriter Int64(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public ProtobufWriter Message(int field, Action<ProtobufWriter> write)
    {
        var nested = new ProtobufWriter();
        write(nested);
        return Bytes(field, nested.ToArray());
    }

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.WriteByte((byte)value);
    }
}
