using System;
using System.IO;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Each broken file of <see cref="MalformedFileCorpus"/> is refused with an <see cref="InvalidDataException"/> that says
/// what is wrong, from a seekable stream, from a stream of unknown length and from a path (which the message names),
/// and leaves the network's parameters as they were.
/// </summary>
public sealed class SafetensorsMalformedFileTests
{
    public static TheoryData<string> Cases => MalformedFileCorpus.Names;

    [Fact]
    public void The_valid_file_loads_in_pytorchs_order()
    {
        var network = new TinySafetensorsNet(seed: 1);
        network.LoadSafetensors(new MemoryStream(MalformedFileCorpus.Valid));
        Assert.Equal(MalformedFileCorpus.ValidValues, SafetensorsRoundTripTests.Export<float>(network));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_seekable_stream_is_refused(string name) => AssertRefused(MalformedFileCorpus.Named(name), bytes => new MemoryStream(bytes));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_stream_of_unknown_length_is_refused(string name) =>
        AssertRefused(MalformedFileCorpus.Named(name), bytes => new RawSafetensors.UnseekableStream(bytes));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_file_is_refused_by_its_path(string name)
    {
        MalformedFile file = MalformedFileCorpus.Named(name);
        string path = Path.Combine(Path.GetTempPath(), $"netgen-{Guid.NewGuid():N}.safetensors");
        File.WriteAllBytes(path, file.Bytes);
        try
        {
            var network = new TinySafetensorsNet(seed: 2);
            float[] before = SafetensorsRoundTripTests.Export<float>(network);
            var error = Assert.Throws<InvalidDataException>(() => network.LoadSafetensors(path));
            Assert.Contains(file.Expected, error.Message);
            Assert.Contains($"file '{path}'", error.Message);
            Assert.Equal(before, SafetensorsRoundTripTests.Export<float>(network));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("header length over 100 MB")]
    [InlineData("header length past the file")]
    [InlineData("tensors of another network larger than this one could be")]
    public void Sizes_the_bytes_declare_allocate_nothing_before_the_bytes_are_there(string name)
    {
        // A 99,999,999-byte header over a file of a few hundred bytes, read from a stream of unknown length, as well.
        MalformedFile[] files = [MalformedFileCorpus.Named(name), new("99 MB header", RawSafetensors.Build(99_999_999, [(byte)'{'], []), "only 1 bytes follow it")];
        foreach (MalformedFile file in files)
        {
            var network = new TinySafetensorsNet(seed: 2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            var error = Assert.Throws<InvalidDataException>(() => network.LoadSafetensors(new RawSafetensors.UnseekableStream(file.Bytes)));
            Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
            Assert.Contains(file.Expected, error.Message);
        }
    }

    private static void AssertRefused(MalformedFile file, Func<byte[], Stream> open)
    {
        var network = new TinySafetensorsNet(seed: 2);
        float[] before = SafetensorsRoundTripTests.Export<float>(network);
        var error = Assert.Throws<InvalidDataException>(() => network.LoadSafetensors(open(file.Bytes)));
        Assert.Contains(file.Expected, error.Message);
        Assert.Contains("stream", error.Message);
        File.AppendAllText("/tmp/st-messages.txt", file.Name + " => " + error.Message + "\n");
        Assert.Equal(before, SafetensorsRoundTripTests.Export<float>(network));
    }
}
