using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// Files for <see cref="TinySafetensorsNet"/> (3-2-1: 0.weight [2, 3], 0.bias [2], 2.weight [1, 2], 2.bias [1]), one
/// valid and many broken, each by one thing, written out by hand.
/// </summary>
public static class MalformedFileCorpus
{
    /// <summary>The valid header, unpadded: four F32 tensors, 44 bytes of data.</summary>
    public const string ValidHeader =
        """{"0.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"0.bias":{"dtype":"F32","shape":[2],"data_offsets":[24,32]},"""
        + """ "2.weight":{"dtype":"F32","shape":[1,2],"data_offsets":[32,40]},"2.bias":{"dtype":"F32","shape":[1],"data_offsets":[40,44]}}""";

    /// <summary>The eleven parameters of the valid file, in PyTorch's order.</summary>
    public static float[] ValidValues { get; } = [0.5f, -0.25f, 1.5f, 2f, -1f, 0.125f, 0.75f, -0.5f, 3f, -2f, 0.0625f];

    public static byte[] ValidData => RawSafetensors.Floats(ValidValues);

    public static byte[] Valid => RawSafetensors.Build(ValidHeader, ValidData);

    public static IReadOnlyList<MalformedFile> Cases { get; } = Build();

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    public static MalformedFile Named(string name) => Cases.Single(c => c.Name == name);

    private static IReadOnlyList<MalformedFile> Build()
    {
        byte[] data = ValidData;
        byte[] header = Encoding.UTF8.GetBytes(ValidHeader);
        string Edit(string from, string to) => ValidHeader.Contains(from, StringComparison.Ordinal)
            ? ValidHeader.Replace(from, to, StringComparison.Ordinal) : throw new ArgumentException($"'{from}' is not in the valid header.");
        MalformedFile Case(string name, byte[] bytes, string expected) => new(name, bytes, expected);
        MalformedFile Header(string name, string text, string expected) => new(name, RawSafetensors.Build(text, data), expected);

        float[] withNaN = [.. ValidValues];
        withNaN[7] = float.NaN;
        string doubles = ValidHeader.Replace("F32", "F64", StringComparison.Ordinal).Replace("[0,24]", "[0,48]").Replace("[24,32]", "[48,64]")
            .Replace("[32,40]", "[64,80]").Replace("[40,44]", "[80,88]");
        double[] tooLargeForFloat = [.. ValidValues.Select(v => (double)v)];
        tooLargeForFloat[10] = 1e300;

        return
        [
            Case("empty file", [], "holds 0 bytes, fewer than the 8 bytes of the header length"),
            Case("truncated length", [8, 0, 0, 0, 0], "holds 5 bytes, fewer than the 8 bytes of the header length"),
            Case("header length past the file", RawSafetensors.Build(1000, header, data), "the header length (bytes 0-7) is 1000, but only"),
            Case("header length just past the file", RawSafetensors.Build((ulong)(header.Length + data.Length + 1), header, data), "but only"),
            Case("header length over 100 MB", RawSafetensors.Build(100_000_001, header, data), "is 100000001, more than the 100000000 bytes"),
            Case("header length of 2^64 - 1", RawSafetensors.Build(ulong.MaxValue, header, data), "is 18446744073709551615, more than the 100000000"),
            Case("header length zero", RawSafetensors.Build(0, [], data), "must start with '{', but it is empty"),
            Case("bad UTF-8", RawSafetensors.Build((ulong)header.Length, [.. header[..3], 0xFF, .. header[4..]], data), "not valid UTF-8 (byte 0xFF), at header byte 3"),
            Case("overlong UTF-8", RawSafetensors.Build((ulong)header.Length, [.. header[..2], 0xC0, 0xB0, .. header[4..]], data), "not valid UTF-8"),
            Header("not JSON", "{not json at all}" + new string(' ', 120), "the header is not valid JSON"),
            Header("header opens with a space", " " + ValidHeader, "must start with '{', but starts with byte 0x20"),
            Header("header is an array", "[" + ValidHeader + "]", "must start with '{', but starts with byte 0x5B"),
            Header("header cut short", ValidHeader[..40], "the header is not valid JSON"),
            Header("text after the object", ValidHeader + "x", "the header is not valid JSON"),
            Header("a second object after the first", ValidHeader + "{}", "the header is not valid JSON"),
            Header("trailing comma", ValidHeader[..^1] + ",}", "the header is not valid JSON"),
            Header("tensor is an array", Edit("\"2.bias\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[40,44]}", "\"2.bias\":[1,2]"), "tensor '2.bias' is an array; expected an object"),
            Header("dtype is a number", Edit("\"dtype\":\"F32\",\"shape\":[1]", "\"dtype\":32,\"shape\":[1]"), "has a dtype that is a number"),
            Header("shape is a string", Edit("\"shape\":[2,3]", "\"shape\":\"2x3\""), "tensor '0.weight' has a shape that is a string"),
            Header("shape holds an array", Edit("\"shape\":[2,3]", "\"shape\":[[2],3]"), "tensor '0.weight' has an array in its shape"),
            Header("metadata is a string", "{\"__metadata__\":\"pt\"," + ValidHeader[1..], "'__metadata__' is a string; expected an object of strings"),
            Header("metadata value is a number", "{\"__metadata__\":{\"format\":1}," + ValidHeader[1..], "metadata 'format' is a number; expected a string"),
            Header("metadata twice", "{\"__metadata__\":{},\"__metadata__\":{}," + ValidHeader[1..], "'__metadata__' appears twice"),
            Header("unknown dtype", Edit("\"dtype\":\"F32\",\"shape\":[2,3]", "\"dtype\":\"F33\",\"shape\":[2,3]"), "tensor '0.weight' has the unknown dtype \"F33\""),
            Header("dtype in lower case", Edit("\"dtype\":\"F32\",\"shape\":[2,3]", "\"dtype\":\"f32\",\"shape\":[2,3]"), "unknown dtype \"f32\""),
            Header("dtype NetGen does not read", Edit("\"dtype\":\"F32\",\"shape\":[1,2]", "\"dtype\":\"I32\",\"shape\":[1,2]"), "tensor '2.weight' is I32; NetGen reads F32, F64, F16 and BF16"),
            Header("negative shape", Edit("[2,3]", "[-2,-3]"), "tensor '0.weight' has -2 in its shape; expected non-negative integers"),
            Header("fractional shape", Edit("[2,3]", "[2.5,3]"), "has 2.5 in its shape"),
            Header("shape in exponent form", Edit("[2,3]", "[2e0,3]"), "has 2e0 in its shape"),
            Header("shape past 2^63", Edit("[2,3]", "[99999999999999999999,3]"), "has 99999999999999999999 in its shape"),
            Header("shape whose element count overflows", Edit("[2,3]", "[4294967296,4294967296,4]"), "tensor '0.weight' has shape [4294967296, 4294967296, 4], whose byte size overflows"),
            Header("shape whose byte size overflows", Edit("[2,3]", "[9223372036854775807]"), "whose byte size overflows"),
            Header("offsets negative", Edit("[0,24]", "[-24,0]"), "tensor '0.weight' has -24 in its data_offsets"),
            Header("offsets reversed", Edit("[0,24]", "[24,0]"), "has data_offsets [24, 0]; expected [begin, end] with begin <= end"),
            Header("three offsets", Edit("[0,24]", "[0,12,24]"), "has data_offsets [0, 12, 24]; expected [begin, end]"),
            Header("offsets not matching the shape", Edit("[0,24]", "[0,20]"), "tensor '0.weight' is F32 of shape [2, 3], 24 bytes, but its data_offsets [0, 20] span 20"),
            Header("offsets overlapping", Edit("[24,32]", "[20,28]").Replace("[32,40]", "[28,36]").Replace("[40,44]", "[36,40]"),
                "tensor '0.bias' starts at data offset 20 (file byte"),
            Header("offsets overlapping, named", Edit("[24,32]", "[20,28]").Replace("[32,40]", "[28,36]").Replace("[40,44]", "[36,40]"), "overlaps the tensor before, which ends at offset 24"),
            Header("offsets sharing a range", Edit("[32,40]", "[24,32]").Replace("\"shape\":[1,2]", "\"shape\":[2]"), "overlaps the tensor before"),
            Case("offsets with a gap", RawSafetensors.Build(Edit("[24,32]", "[28,36]").Replace("[32,40]", "[36,44]").Replace("[40,44]", "[44,48]"), [.. data, 0, 0, 0, 0]),
                "bytes 24 to 28 of the data belong to no tensor"),
            Case("offsets not starting at 0", RawSafetensors.Build(Edit("[0,24]", "[4,28]").Replace("[24,32]", "[28,36]").Replace("[32,40]", "[36,44]").Replace("[40,44]", "[44,48]"), [.. data, 0, 0, 0, 0]),
                "tensor '0.weight' starts at data offset 4 (file byte"),
            Case("offsets past the end", RawSafetensors.Build(ValidHeader, data[..40]), "the tensors end at byte"),
            Case("offsets past the end, named", RawSafetensors.Build(ValidHeader, data[..40]), "but the file ends at byte"),
            Case("data missing", RawSafetensors.Build(ValidHeader), "but the file ends at byte"),
            Case("trailing bytes", RawSafetensors.Build(ValidHeader, [.. data, 1, 2, 3, 4]), "trailing bytes"),
            Case("one trailing byte", RawSafetensors.Build(ValidHeader, [.. data, 0]), "trailing bytes"),
            Header("no data_offsets", Edit(",\"data_offsets\":[40,44]", ""), "tensor '2.bias' has no data_offsets"),
            Header("no dtype", Edit("\"dtype\":\"F32\",\"shape\":[1],", "\"shape\":[1],"), "tensor '2.bias' has no dtype"),
            Header("an unknown field", Edit("\"shape\":[1],", "\"shape\":[1],\"strides\":[1],"), "tensor '2.bias' has the field 'strides'"),
            Header("a field twice", Edit("\"shape\":[1],", "\"shape\":[1],\"shape\":[1],"), "tensor '2.bias' gives its shape twice"),
            Header("duplicate tensor", ValidHeader[..^1] + ",\"0.bias\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[44,44]}}", "'0.bias' appears twice"),
            Header("name with a lone surrogate", Edit("\"2.bias\"", "\"2.bias\\ud800\""), "holds an escape that is no valid Unicode text"),
            Header("wrong name", Edit("\"2.bias\"", "\"1.bias\""), "tensor '2.bias' [1] is missing; tensor '1.bias' [1] is not one of the network's"),
            Header("named-module names", Edit("\"0.weight\"", "\"lin_1.weight\"").Replace("\"0.bias\"", "\"lin_1.bias\""), "tensor '0.weight' [2, 3] is missing"),
            Header("wrong shape", Edit("[2,3]", "[3,2]"), "tensor '0.weight' has shape [3, 2], expected [2, 3]"),
            Header("transposed vector", Edit("\"shape\":[2],", "\"shape\":[1,2],"), "tensor '0.bias' has shape [1, 2], expected [2]"),
            Header("scalar bias", Edit("\"shape\":[1],", "\"shape\":[],"), "tensor '2.bias' has shape [], expected [1]"),
            Case("extra tensor", RawSafetensors.Build(ValidHeader[..^1] + ",\"3.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[44,48]}}", [.. data, 0, 0, 0, 0]),
                "tensor '3.weight' [1] is not one of the network's"),
            Header("tensors of another network larger than this one could be",
                ValidHeader[..^1] + ",\"big\":{\"dtype\":\"F32\",\"shape\":[1000000000000],\"data_offsets\":[44,4000000000044]}}",
                "its tensors take 4000000000044 bytes, more than the 88 bytes expected of it"),
            Case("NaN", RawSafetensors.Build(ValidHeader, RawSafetensors.Floats(withNaN)), "tensor '0.bias' holds NaN at [1]"),
            Case("infinity in a weight", RawSafetensors.Build(ValidHeader, RawSafetensors.Floats([.. ValidValues[..4], float.NegativeInfinity, .. ValidValues[5..]])),
                "tensor '0.weight' holds -Infinity at [1, 1]"),
            Case("F64 too large for float", RawSafetensors.Build(doubles, RawSafetensors.Doubles(tooLargeForFloat)), "tensor '2.bias' holds Infinity at [0] (as float)"),
        ];
    }
}
