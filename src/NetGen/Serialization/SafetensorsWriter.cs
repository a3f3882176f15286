using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetGen;

/// <summary>
/// Writes a safetensors file: an 8-byte little-endian header length, the JSON header
/// <c>{"__metadata__": {...}, "name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...}</c>
/// padded with spaces to a multiple of 8 bytes, then each tensor's little-endian bytes, in the order they were added.
/// </summary>
internal sealed class SafetensorsWriter
{
    private readonly List<(string Name, SafetensorsDType DType, long[] Shape, byte[] Bytes)> _tensors = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// String pairs stored in the header's <c>__metadata__</c> object, in ordinal order of their keys so that the same
    /// pairs always give the same bytes; none writes no such object.
    /// </summary>
    public IDictionary<string, string> Metadata { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Adds a tensor of <paramref name="values"/>, F32 for float and F64 for double, with the given row-major shape.</summary>
    /// <exception cref="ArgumentException">The name is empty, reserved or taken, or the shape's element count is not the number of values.</exception>
    public void Add<T>(string name, ReadOnlySpan<T> values, params ReadOnlySpan<long> shape) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Reserve(name, values.Length, shape);
        var (dtype, bytes) = typeof(T) == typeof(float)
            ? (SafetensorsDType.F32, new byte[checked(values.Length * sizeof(float))])
            : typeof(T) == typeof(double)
                ? (SafetensorsDType.F64, new byte[checked(values.Length * sizeof(double))])
                : throw new NotSupportedException($"{typeof(T).Name} has no safetensors dtype NetGen writes; use float or double.");
        for (int k = 0; k < values.Length; k++)
        {
            if (dtype == SafetensorsDType.F32)
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(k * sizeof(float)), float.CreateTruncating(values[k]));
            else
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * sizeof(double)), double.CreateTruncating(values[k]));
        }
        _tensors.Add((name, dtype, shape.ToArray(), bytes));
    }

    /// <summary>Adds an I32 tensor of <paramref name="values"/>, such as indices, with the given row-major shape.</summary>
    /// <exception cref="ArgumentException">The name is empty, reserved or taken, or the shape's element count is not the number of values.</exception>
    public void AddInt32(string name, ReadOnlySpan<int> values, params ReadOnlySpan<long> shape)
    {
        Reserve(name, values.Length, shape);
        var bytes = new byte[values.Length * sizeof(int)];
        for (int k = 0; k < values.Length; k++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(k * sizeof(int)), values[k]);
        _tensors.Add((name, SafetensorsDType.I32, shape.ToArray(), bytes));
    }

    /// <summary>Checks a new tensor's name and shape against its number of values, and takes the name.</summary>
    private void Reserve(string name, int valueCount, ReadOnlySpan<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name == SafetensorsReader.MetadataKey)
            throw new ArgumentException($"'{SafetensorsReader.MetadataKey}' is the header's metadata object, not a tensor name.", nameof(name));
        long count = 1;
        foreach (long dimension in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimension, nameof(shape));
            count = checked(count * dimension);
        }
        if (count != valueCount)
            throw new ArgumentException(
                $"Tensor '{name}' has shape {SafetensorsTensor.FormatShape(shape.ToArray())}, {count} elements, but {valueCount} values.", "values");
        if (!_names.Add(name))
            throw new ArgumentException($"A tensor named '{name}' is added already.", nameof(name));
    }

    /// <summary>Writes the file to <paramref name="stream"/> from its current position; leaves the stream open.</summary>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = Header();
        Span<byte> length = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var tensor in _tensors)
            stream.Write(tensor.Bytes);
        stream.Flush();
    }

    private byte[] Header()
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping keeps quotes and non-ASCII names readable in the header; it is still valid JSON.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (Metadata.Count > 0)
            {
                json.WriteStartObject(SafetensorsReader.MetadataKey);
                foreach (var (key, value) in Metadata)
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, dtype, shape, bytes) in _tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype.ToString());
                json.WriteStartArray("shape");
                foreach (long dimension in shape)
                    json.WriteNumberValue(dimension);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += bytes.Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        // As the reference writer does: spaces up to a multiple of 8, so that the data starts aligned for any dtype.
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        byte[] header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }
}
