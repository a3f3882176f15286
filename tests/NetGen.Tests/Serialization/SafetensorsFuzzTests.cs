using System;
using System.IO;
using System.Linq;
using System.Threading;
using CsCheck;
using NetGen.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Valid files of <see cref="TinySafetensorsNet"/> in every dtype NetGen reads, with and without metadata and padding,
/// changed by one to four random <see cref="FileMutation"/>s: loading each either succeeds with finite parameters or
/// throws an <see cref="InvalidDataException"/> and leaves the parameters as they were, from a seekable stream and from
/// one of unknown length, and never allocates more than a small bound whatever size the bytes declare.
/// </summary>
public sealed class SafetensorsFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 20_000;

    // The files are under 1 KB: a load that allocates more was sized by a number in the bytes, not by the bytes.
    private const long AllocationBound = 1 << 20;

    [Fact]
    public void Mutated_files_load_or_are_refused_with_InvalidDataException()
    {
        byte[][] valid = ValidFiles();
        long loaded = 0, refused = 0;
        var gen = Gen.Select(Gen.Int[0, valid.Length - 1], FileMutation.Any.Array[1, 4], (file, mutations) => (File: file, Mutations: mutations));
        gen.Sample(test =>
        {
            byte[] bytes = test.Mutations.Aggregate(valid[test.File], (current, mutation) => mutation.Apply(current));
            bool seekable = Load(bytes, new MemoryStream(bytes));
            bool unseekable = Load(bytes, new RawSafetensors.UnseekableStream(bytes));
            if (seekable != unseekable)
                throw new Xunit.Sdk.XunitException($"A seekable stream {(seekable ? "loads" : "refuses")} what a stream of unknown length does not.");
            if (seekable)
                Interlocked.Increment(ref loaded);
            else
                Interlocked.Increment(ref refused);
        }, iter: Cases, threads: 1, print: test => $"file {test.File}, {string.Join("; ", test.Mutations.Select(m => m.Description))}");

        output.WriteLine($"{Cases} mutated files: {loaded} loaded, {refused} refused with InvalidDataException.");
        Assert.Equal(Cases, loaded + refused);
        // Both outcomes are common enough that neither path goes untested.
        Assert.InRange(loaded, Cases / 100, Cases - Cases / 100);
    }

    [Fact]
    public void Every_valid_file_loads_the_same_parameters()
    {
        foreach (byte[] file in ValidFiles())
        {
            var network = new TinySafetensorsNet(seed: 3);
            network.LoadSafetensors(new MemoryStream(file));
            Assert.Equal(MalformedFileCorpus.ValidValues, SafetensorsRoundTripTests.Export<float>(network));
        }
    }

    /// <summary>Whether the file loaded; throws on any outcome but a load of finite values or a clean refusal.</summary>
    private static bool Load(byte[] bytes, Stream stream)
    {
        var network = new TinySafetensorsNet(seed: 2);
        float[] before = SafetensorsRoundTripTests.Export<float>(network);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        bool loaded;
        try
        {
            network.LoadSafetensors(stream);
            loaded = true;
        }
        catch (InvalidDataException)
        {
            loaded = false;
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (allocated > AllocationBound)
            throw new Xunit.Sdk.XunitException($"Loading {bytes.Length} bytes allocated {allocated} bytes.");
        float[] after = SafetensorsRoundTripTests.Export<float>(network);
        if (!loaded && !after.SequenceEqual(before))
            throw new Xunit.Sdk.XunitException("A refused file changed the parameters.");
        if (loaded && !after.All(float.IsFinite))
            throw new Xunit.Sdk.XunitException("A loaded file gave parameters that are not finite.");
        return loaded;
    }

    private static byte[][] ValidFiles()
    {
        float[] values = MalformedFileCorpus.ValidValues;
        var written = new TinySafetensorsNet();
        written.ImportParameters(values);
        return
        [
            MalformedFileCorpus.Valid,
            SafetensorsRoundTripTests.Save(written),
            Tiny("F64", 8, RawSafetensors.Doubles([.. values.Select(v => (double)v)])),
            Tiny("F16", 2, RawSafetensors.Words([.. values.Select(v => BitConverter.HalfToUInt16Bits((Half)v))])),
            // Every value is a short binary fraction, so its bfloat16 is the upper half of its float bits, exactly.
            Tiny("BF16", 2, RawSafetensors.Words([.. values.Select(v => (ushort)(BitConverter.SingleToUInt32Bits(v) >> 16))])),
        ];
    }

    /// <summary>The corpus's valid file with its tensors stored as <paramref name="dtype"/> of <paramref name="size"/> bytes.</summary>
    private static byte[] Tiny(string dtype, int size, byte[] data) => RawSafetensors.Build(
        "{" + string.Join(",", new[] { ("0.weight", "2,3", 0, 6), ("0.bias", "2", 6, 8), ("2.weight", "1,2", 8, 10), ("2.bias", "1", 10, 11) }
            .Select(t => $"\"{t.Item1}\":{{\"dtype\":\"{dtype}\",\"shape\":[{t.Item2}],\"data_offsets\":[{t.Item3 * size},{t.Item4 * size}]}}")) + "}",
        data);
}
