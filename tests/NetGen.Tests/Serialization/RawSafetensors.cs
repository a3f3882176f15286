using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Safetensors files put together and taken apart byte by byte in the tests, independently of NetGen's reader and
/// writer: an 8-byte little-endian length, the header's text, the data.
/// </summary>
internal static class RawSafetensors
{
    /// <summary>A file of <paramref name="header"/> (as written, unpadded) and <paramref name="data"/>.</summary>
    public static byte[] Build(string header, params byte[] data) => Build((ulong)Encoding.UTF8.GetByteCount(header), Encoding.UTF8.GetBytes(header), data);

    /// <summary>A file whose length field says <paramref name="declaredLength"/>, whatever the header's real length.</summary>
    public static byte[] Build(ulong declaredLength, byte[] header, byte[] data)
    {
        var file = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, declaredLength);
        header.CopyTo(file, 8);
        data.CopyTo(file, 8 + header.Length);
        return file;
    }

    /// <summary>The header's text, as the length field delimits it.</summary>
    public static string Header(byte[] file) => Encoding.UTF8.GetString(file, 8, checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file)));

    /// <summary>The bytes after the header.</summary>
    public static byte[] Data(byte[] file) => file.AsSpan(8 + checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file))).ToArray();

    /// <summary>The header parsed as a JSON document.</summary>
    public static JsonDocument Parse(byte[] file) => JsonDocument.Parse(Header(file));

    /// <summary>Little-endian float32 bytes.</summary>
    public static byte[] Floats(params float[] values) =>
        values.SelectMany(v => { var b = new byte[4]; BinaryPrimitives.WriteSingleLittleEndian(b, v); return b; }).ToArray();

    /// <summary>Little-endian float64 bytes.</summary>
    public static byte[] Doubles(params double[] values) =>
        values.SelectMany(v => { var b = new byte[8]; BinaryPrimitives.WriteDoubleLittleEndian(b, v); return b; }).ToArray();

    /// <summary>Little-endian 16-bit words, for F16 and BF16 bit patterns.</summary>
    public static byte[] Words(params ushort[] values) =>
        values.SelectMany(v => { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, v); return b; }).ToArray();

    /// <summary>A stream that hides its length, as a network socket or a pipe does.</summary>
    public sealed class UnseekableStream(byte[] bytes) : ReadOnlyStream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override int Read(Span<byte> destination) => _inner.Read(destination);
    }
}
