using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Safetensors files written here, for the generator to read: a header of the tensors in the order given, each at
/// the next offset, then their bytes. Independent of the runtime's writer and of the generator's reader.
/// </summary>
internal static class SafetensorsBytes
{
    public sealed record Tensor(string Name, string DType, long[] Shape, byte[] Data)
    {
        public static Tensor F32(string name, long[] shape, params float[] values) =>
            new(name, "F32", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

        public static Tensor F64(string name, long[] shape, params double[] values) =>
            new(name, "F64", shape, values.SelectMany(BitConverter.GetBytes).ToArray());

        /// <summary>A float tensor of the shape, each value its index / 8 + <paramref name="offset"/>: values that read back exactly.</summary>
        public static Tensor Counting(string name, long[] shape, float offset = 0) =>
            F32(name, shape, Enumerable.Range(0, (int)shape.Aggregate(1L, (a, b) => a * b)).Select(i => i / 8f + offset).ToArray());
    }

    public static byte[] Write(params Tensor[] tensors) => Write(HeaderOf(tensors), tensors.SelectMany(t => t.Data).ToArray());

    /// <summary>A file of a header written as given, padded with spaces to a multiple of 8, and <paramref name="data"/>.</summary>
    public static byte[] Write(string header, byte[] data)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        int padded = (json.Length + 7) / 8 * 8;
        var file = new List<byte>(BitConverter.GetBytes((ulong)padded));
        file.AddRange(json);
        file.AddRange(Enumerable.Repeat((byte)' ', padded - json.Length));
        file.AddRange(data);
        return [.. file];
    }

    public static string HeaderOf(IEnumerable<Tensor> tensors)
    {
        var entries = new List<string> { "\"__metadata__\":{\"format\":\"pt\"}" };
        long offset = 0;
        foreach (Tensor tensor in tensors)
        {
            entries.Add(string.Create(CultureInfo.InvariantCulture,
                $"\"{tensor.Name}\":{{\"dtype\":\"{tensor.DType}\",\"shape\":[{string.Join(",", tensor.Shape)}],\"data_offsets\":[{offset},{offset + tensor.Data.Length}]}}"));
            offset += tensor.Data.Length;
        }
        return "{" + string.Join(",", entries) + "}";
    }
}
