using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Turns a TensorProto's fields into its values once the whole message is read: the element count from the dims
/// (each non-negative, the product bounded by the file's size so that it cannot overflow), then the values from
/// raw_data (little-endian, whatever the host) or from the one typed field the data type uses, and exactly as
/// many as the dims say.
/// </summary>
internal static class OnnxTensorValues
{
    /// <summary>The tensor, or null after recording the fault in <paramref name="reader"/> at the tensor's offset <paramref name="at"/>.</summary>
    public static OnnxTensorSpec? TryDecode(ProtobufReader reader, TensorFields fields, int at, int fileLength)
    {
        string tensor = $"tensor '{fields.Name}'";
        long count = 1;
        foreach (long dim in fields.Dims)
        {
            if (dim < 0)
                return Failed(reader, $"{tensor} has the negative dim {dim}", at);
            // Every value takes at least one byte of the file, so a larger count can never be satisfied; checked
            // before multiplying, the count stays within the file's length and cannot overflow.
            if (count != 0 && dim > fileLength / count)
                return Failed(reader, $"{tensor} has dims [{string.Join(", ", fields.Dims)}], more values than its file has bytes", at);
            count *= dim;
        }

        var type = (OnnxDataType)fields.DataType;
        int elementSize = type switch
        {
            OnnxDataType.Float16 or OnnxDataType.BFloat16 => 2,
            OnnxDataType.Float or OnnxDataType.Int32 => 4,
            OnnxDataType.Double or OnnxDataType.Int64 => 8,
            _ => 0,
        };
        int typedCount = fields.FloatData.Count + fields.DoubleData.Count + fields.Int32Data.Count + fields.Int64Data.Count;
        if (fields.HasRawData && typedCount > 0)
            return Failed(reader, $"{tensor} holds values both in raw_data and in a typed field", at);
        int ownTypedCount = type switch
        {
            OnnxDataType.Float => fields.FloatData.Count,
            OnnxDataType.Double => fields.DoubleData.Count,
            // int32_data also holds the narrower integers, bool and the 16-bit floats, one value each (onnx.proto).
            OnnxDataType.Int32 or OnnxDataType.Int16 or OnnxDataType.Int8 or OnnxDataType.UInt16 or OnnxDataType.UInt8 or OnnxDataType.Bool
                or OnnxDataType.Float16 or OnnxDataType.BFloat16 => fields.Int32Data.Count,
            OnnxDataType.Int64 => fields.Int64Data.Count,
            _ => 0,
        };
        if (typedCount != ownTypedCount)
            return Failed(reader, $"{tensor} of data type {type} holds values in a typed field of another data type", at);
        if (elementSize == 0)
            return new OnnxTensorSpec(fields.Name, type, fields.Dims.ToEquatableArray(), EquatableArray<double>.Empty, EquatableArray<long>.Empty);

        long found = fields.HasRawData ? fields.RawLength / elementSize : ownTypedCount;
        if (fields.HasRawData && fields.RawLength % elementSize != 0 || found != count)
            return Failed(reader, fields.HasRawData
                ? $"{tensor} of data type {type} and dims [{string.Join(", ", fields.Dims)}] needs {count * elementSize} bytes of raw_data, but has {fields.RawLength}"
                : $"{tensor} of data type {type} and dims [{string.Join(", ", fields.Dims)}] needs {count} values, but has {found}", at);

        double[] values = type switch
        {
            OnnxDataType.Float when fields.HasRawData => Raw(reader, fields, 4, bits => (double)ProtobufReader.SingleFromBits((uint)bits)),
            OnnxDataType.Float => fields.FloatData.Select(value => (double)value).ToArray(),
            OnnxDataType.Double when fields.HasRawData => Raw(reader, fields, 8, bits => System.BitConverter.Int64BitsToDouble(unchecked((long)bits))),
            OnnxDataType.Double => [.. fields.DoubleData],
            // A 16-bit float is 2 bytes of raw_data, or the low 16 bits of one int32_data value; both widen exactly.
            OnnxDataType.Float16 when fields.HasRawData => Raw(reader, fields, 2, bits => Weights.TensorValues.HalfToDouble((ushort)bits)),
            OnnxDataType.Float16 => fields.Int32Data.Select(bits => Weights.TensorValues.HalfToDouble(unchecked((ushort)bits))).ToArray(),
            OnnxDataType.BFloat16 when fields.HasRawData => Raw(reader, fields, 2, bits => (double)ProtobufReader.SingleFromBits((uint)bits << 16)),
            OnnxDataType.BFloat16 => fields.Int32Data.Select(bits => (double)ProtobufReader.SingleFromBits((uint)(bits & 0xFFFF) << 16)).ToArray(),
            _ => [],
        };
        long[] integers = type switch
        {
            OnnxDataType.Int32 when fields.HasRawData => Raw(reader, fields, 4, bits => (long)unchecked((int)bits)),
            OnnxDataType.Int32 => [.. fields.Int32Data],
            OnnxDataType.Int64 when fields.HasRawData => Raw(reader, fields, 8, bits => unchecked((long)bits)),
            OnnxDataType.Int64 => [.. fields.Int64Data],
            _ => [],
        };
        return new OnnxTensorSpec(fields.Name, type, fields.Dims.ToEquatableArray(), new EquatableArray<double>(values), new EquatableArray<long>(integers));
    }

    private static T[] Raw<T>(ProtobufReader reader, TensorFields fields, int size, System.Func<ulong, T> convert)
    {
        var values = new T[fields.RawLength / size];
        for (int i = 0; i < values.Length; i++)
            values[i] = convert(reader.LittleEndianAt(fields.RawStart + i * size, size));
        return values;
    }

    private static OnnxTensorSpec? Failed(ProtobufReader reader, string what, int at)
    {
        reader.Fail(what, at);
        return null;
    }
}
