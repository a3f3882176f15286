using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// Reads a safetensors file's bytes into its tensors, checking the file as the reference implementation does
/// before anything is sized by it: the header's length against the bytes there, the header as UTF-8 JSON of
/// the expected structure, each dtype, each shape's element count without overflow against its byte range, and
/// the ranges covering the data exactly, in order, with no gap. A file that fails gives <see cref="WeightsFileProblem.Malformed"/>
/// and the first fault found; it never throws.
/// </summary>
internal static class SafetensorsHeaderReader
{
    /// <summary>The reference implementation's limit on a header's length.</summary>
    public const long MaximumHeaderLength = 100_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static WeightsFileSpec Read(string projectPath, byte[] bytes)
    {
        try
        {
            return WeightsFileSpec.Read(projectPath, ReadTensors(bytes).ToEquatableArray());
        }
        catch (FormatException fault)
        {
            return WeightsFileSpec.Failed(projectPath, WeightsFileProblem.Malformed, fault.Message);
        }
    }

    private static List<SafetensorsTensorSpec> ReadTensors(byte[] bytes)
    {
        if (bytes.Length < 8)
            throw new FormatException($"it is {bytes.Length} bytes long, shorter than the 8-byte header length that starts every safetensors file");
        ulong headerLength = BitConverter.ToUInt64(bytes, 0);
        if (!BitConverter.IsLittleEndian)
            headerLength = Reverse(headerLength);
        if (headerLength > MaximumHeaderLength)
            throw new FormatException($"its header length is {headerLength} bytes, more than the format's limit of {MaximumHeaderLength}");
        if (headerLength > (ulong)(bytes.Length - 8))
            throw new FormatException($"its header length is {headerLength} bytes, but only {bytes.Length - 8} bytes follow it");
        int dataStart = 8 + (int)headerLength;
        string header;
        try
        {
            header = StrictUtf8.GetString(bytes, 8, (int)headerLength);
        }
        catch (ArgumentException)
        {
            throw new FormatException("its header is not valid UTF-8");
        }

        var tensors = new List<(string Name, string DType, long[] Shape, long Begin, long End)>();
        foreach (KeyValuePair<string, object> member in HeaderJson.ParseObject(header))
        {
            if (member.Key == "__metadata__")
            {
                if (member.Value is not List<KeyValuePair<string, object>> metadata || metadata.Any(m => m.Value is not string))
                    throw new FormatException("its __metadata__ is not an object of strings");
                continue;
            }
            tensors.Add(ReadEntry(member.Key, member.Value));
        }

        // The ranges, in the order of their offsets, must tile the data from its first byte to its last.
        long dataLength = bytes.Length - dataStart, expectedBegin = 0;
        foreach (var tensor in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (tensor.Begin != expectedBegin)
                throw new FormatException(tensor.Begin < expectedBegin
                    ? $"tensor '{tensor.Name}' overlaps the tensor before it: its data_offsets start at {tensor.Begin}, before {expectedBegin}"
                    : $"the data has a gap before tensor '{tensor.Name}': its data_offsets start at {tensor.Begin}, not {expectedBegin}");
            expectedBegin = tensor.End;
        }
        if (expectedBegin != dataLength)
            throw new FormatException(expectedBegin > dataLength
                ? $"its tensors need {expectedBegin} bytes of data, but the file holds {dataLength}"
                : $"{dataLength - expectedBegin} bytes are left over after its last tensor");

        return tensors.Select(t =>
        {
            var data = new byte[t.End - t.Begin];
            Array.Copy(bytes, dataStart + t.Begin, data, 0, data.Length);
            return new SafetensorsTensorSpec(t.Name, t.DType, new EquatableArray<long>(t.Shape), new EquatableArray<byte>(data));
        }).ToList();
    }

    private static (string Name, string DType, long[] Shape, long Begin, long End) ReadEntry(string name, object value)
    {
        if (value is not List<KeyValuePair<string, object>> fields)
            throw new FormatException($"tensor '{name}' is not described by an object of dtype, shape and data_offsets");
        object? Field(string field) => fields.FirstOrDefault(f => f.Key == field).Value;
        if (fields.FirstOrDefault(f => f.Key is not ("dtype" or "shape" or "data_offsets")) is { Key: { } unknown })
            throw new FormatException($"tensor '{name}' has the unknown field \"{unknown}\"");
        if (Field("dtype") is not string dtype)
            throw new FormatException($"tensor '{name}' has no dtype string");
        if (!SafetensorsDTypeSizes.TryGetSize(dtype, out int size))
            throw new FormatException($"tensor '{name}' has the unknown dtype \"{dtype}\"");
        if (Field("shape") is not List<long> shape)
            throw new FormatException($"tensor '{name}' has no shape array");
        if (Field("data_offsets") is not List<long> { Count: 2 } offsets)
            throw new FormatException($"tensor '{name}' has no data_offsets array of two integers");
        if (offsets[1] < offsets[0])
            throw new FormatException($"tensor '{name}' has data_offsets [{offsets[0]}, {offsets[1]}] that end before they start");
        long bytes = size;
        try
        {
            foreach (long extent in shape)
                bytes = checked(bytes * extent);
        }
        catch (OverflowException)
        {
            throw new FormatException($"tensor '{name}' has a shape [{string.Join(", ", shape)}] whose size overflows 64 bits");
        }
        if (bytes != offsets[1] - offsets[0])
            throw new FormatException($"tensor '{name}' of dtype {dtype} and shape [{string.Join(", ", shape)}] needs {bytes} bytes, but its data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
        return (name, dtype, shape.ToArray(), offsets[0], offsets[1]);
    }

    private static ulong Reverse(ulong value)
    {
        ulong result = 0;
        for (int i = 0; i < 8; i++, value >>= 8)
            result = (result << 8) | (value & 0xFF);
        return result;
    }
}
