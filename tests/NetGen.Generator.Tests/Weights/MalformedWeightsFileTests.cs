using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using Xunit;
using static NetGen.Generator.Tests.Infrastructure.SafetensorsBytes;
using static NetGen.Generator.Tests.Weights.WeightsTestNetworks;

namespace NetGen.Generator.Tests.Weights;

/// <summary>
/// Files that are not valid safetensors, each broken in one way, give NG0027 with the fault, never an exception
/// out of the generator; the reader finds every truncation of a valid file malformed, and random changes to one
/// never make it throw.
/// </summary>
public sealed class MalformedWeightsFileTests
{
    private static readonly byte[] Data = new byte[40];

    public static TheoryData<string, string> Corpus() => new()
    {
        { "empty", "shorter than the 8-byte header length" },
        { "header length past the end", "but only" },
        { "header length over 100 MB", "more than the format's limit" },
        { "header length of 2^64 - 1", "more than the format's limit" },
        { "header not UTF-8", "not valid UTF-8" },
        { "header not JSON", "its header holds" },
        { "header an array", "'[' where '{' was expected" },
        { "text after the header", "text after the header's closing brace" },
        { "a name given twice", "given twice" },
        { "unknown dtype", "unknown dtype \"F99\"" },
        { "negative extent", "not a non-negative integer" },
        { "fractional extent", "not an integer" },
        { "extent beyond 64 bits", "too large for 64 bits" },
        { "element count overflowing", "overflows 64 bits" },
        { "offsets ending before they start", "end before they start" },
        { "offsets one short of the size", "needs 24 bytes" },
        { "one offset", "two integers" },
        { "a gap between tensors", "gap before tensor" },
        { "overlapping tensors", "overlaps" },
        { "bytes left over", "left over after its last tensor" },
        { "metadata not strings", "__metadata__ is not an object of strings" },
        { "an unknown field", "unknown field \"extra\"" },
        { "a string not closed", "not closed" },
        { "a bad escape", "unknown escape" },
        { "a tensor that is a string", "is not described by an object" },
        { "nested too deep", "a value that is not a string or an array of integers" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void A_malformed_file_gives_NG0027_with_its_fault_and_no_exception(string fault, string message)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run([InMemoryAdditionalText.Weights(Path, Broken(fault))], Tiny());

        Assert.Null(outcome.Result.Exception);
        Diagnostic error = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal("NG0027", error.Id);
        Assert.Contains(message, error.GetMessage());
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_is_malformed_and_never_an_exception()
    {
        byte[] file = Write(TinyTensors());
        for (int length = 0; length < file.Length; length++)
        {
            var read = Generator.Weights.SafetensorsHeaderReader.Read(Path, file[..length]);

            Assert.Equal(Generator.Weights.WeightsFileProblem.Malformed, read.Problem);
        }
        Assert.Equal(Generator.Weights.WeightsFileProblem.None, Generator.Weights.SafetensorsHeaderReader.Read(Path, file).Problem);
    }

    [Fact]
    public void Random_changes_to_a_valid_file_never_make_the_reader_throw()
    {
        byte[] valid = Write(TinyTensors());
        var random = new Random(15);
        for (int trial = 0; trial < 5000; trial++)
        {
            byte[] file = (byte[])valid.Clone();
            for (int change = random.Next(1, 4); change > 0; change--)
                file[random.Next(file.Length)] = (byte)random.Next(256);

            Exception? thrown = Record.Exception(() => Generator.Weights.SafetensorsHeaderReader.Read(Path, file));

            Assert.Null(thrown);
        }
    }

    private static byte[] Broken(string fault)
    {
        const string Ok = "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}";
        return fault switch
        {
            "empty" => [],
            "header length past the end" => [.. BitConverter.GetBytes(64UL), .. "{}"u8],
            "header length over 100 MB" => [.. BitConverter.GetBytes(100_000_001UL), .. new byte[16]],
            "header length of 2^64 - 1" => [.. BitConverter.GetBytes(ulong.MaxValue), .. new byte[16]],
            "header not UTF-8" => WriteRawHeader(new[] { (byte)'{', (byte)0xFF, (byte)'}' }),
            "header not JSON" => Write("{not json}", []),
            "header an array" => Write("[]", []),
            "text after the header" => Write("{} {}", []),
            "a name given twice" => Write("{" + Ok + "," + Ok + "}", Data[..24]),
            "unknown dtype" => Write("{\"0.weight\":{\"dtype\":\"F99\",\"shape\":[2,3],\"data_offsets\":[0,24]}}", Data[..24]),
            "negative extent" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[-2,3],\"data_offsets\":[0,24]}}", Data[..24]),
            "fractional extent" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2.5,3],\"data_offsets\":[0,24]}}", Data[..24]),
            "extent beyond 64 bits" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[99999999999999999999],\"data_offsets\":[0,24]}}", Data[..24]),
            "element count overflowing" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,24]}}", Data[..24]),
            "offsets ending before they start" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[24,0]}}", Data[..24]),
            "offsets one short of the size" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,23]}}", Data[..23]),
            "one offset" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0]}}", Data[..24]),
            "a gap between tensors" => Write("{" + Ok + ",\"0.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[28,36]}}", Data[..36]),
            "overlapping tensors" => Write("{" + Ok + ",\"0.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[20,28]}}", Data[..28]),
            "bytes left over" => Write("{" + Ok + "}", Data[..32]),
            "metadata not strings" => Write("{\"__metadata__\":{\"n\":[1]}," + Ok + "}", Data[..24]),
            "an unknown field" => Write("{\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24],\"extra\":\"x\"}}", Data[..24]),
            "a string not closed" => Write("{\"0.weight", []),
            "a bad escape" => Write("{\"0.we\\qight\":{}}", []),
            "a tensor that is a string" => Write("{\"0.weight\":\"F32\"}", []),
            "nested too deep" => Write("{\"0.weight\":{\"dtype\":{\"a\":\"b\"}}}", []),
            _ => throw new ArgumentException(fault),
        };
    }

    /// <summary>A file whose header is <paramref name="header"/>'s bytes as they are, padded, with no data.</summary>
    private static byte[] WriteRawHeader(byte[] header) =>
        [.. BitConverter.GetBytes((ulong)8), .. header, .. Enumerable.Repeat((byte)' ', 8 - header.Length)];
}
