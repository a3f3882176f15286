using System;
using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace NetGen.Tests.Serialization;

/// <summary>
/// One change to a file's bytes, as a fuzzer makes them: a bit flipped, the file cut short, bytes put in or taken out,
/// the header length changed, or the header's JSON edited (with the length field set to the edited header's length,
/// so that the edit reaches the parser). Positions are fractions of the file, so a change applies to any file.
/// </summary>
public sealed record FileMutation(string Description, Func<byte[], byte[]> Apply)
{
    public override string ToString() => Description;

    private static readonly string[] NumberEdits =
        ["0", "1", "2", "3", "-1", "24", "44", "45", "1.5", "1e3", "99999999999999999999", "9223372036854775807", "4294967296", "-0", "00"];

    private static readonly string[] StringEdits =
        ["\"F16\"", "\"BF16\"", "\"F64\"", "\"F32\"", "\"I8\"", "\"U64\"", "\"BOOL\"", "\"f32\"", "\"0.weight\"", "\"0.bias\"", "\"2.bias\"",
         "\"__metadata__\"", "\"\"", "\"\\ud800\"", "\"é\"", "1", "null", "[]", "{}", "[1]", "true"];

    private static readonly string[] StructureEdits = ["", "{", "}", "[", "]", ",", ":", "\"", " ", "{}", "[]", ",,"];

    private static readonly Regex s_number = new(@"-?\d+", RegexOptions.CultureInvariant);
    private static readonly Regex s_string = new("\"[^\"]*\"", RegexOptions.CultureInvariant);
    private static readonly Regex s_punctuation = new(@"[{}\[\],:]", RegexOptions.CultureInvariant);

    // After the tables it draws from: static fields are initialized in order.
    public static Gen<FileMutation> Any { get; } = Gen.Frequency(
        (4, Gen.Select(Gen.Double[0, 1], Gen.Int[0, 7], (at, bit) => new FileMutation($"flip bit {bit} at {at:F3}", bytes => FlipBit(bytes, at, bit)))),
        (3, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], (at, bit) => new FileMutation($"flip bit {bit} of length byte {at}", bytes => FlipBit(bytes, at, bit)))),
        (2, Gen.Double[0, 1].Select(at => new FileMutation($"cut at {at:F3}", bytes => bytes[..Position(bytes, at)]))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.Byte.Array[1, 9], (at, inserted) =>
            new FileMutation($"insert {Convert.ToHexString(inserted)} at {at:F3}", bytes => Insert(bytes, at, inserted)))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 16], (at, count) => new FileMutation($"delete {count} at {at:F3}", bytes => Delete(bytes, at, count)))),
        (3, Gen.Frequency(
                (3, Gen.Long[-16, 16].Select(delta => (Func<ulong, ulong>)(length => length + (ulong)delta))),
                (1, Gen.ULong.Select(value => (Func<ulong, ulong>)(_ => value))),
                (1, Gen.OneOf(0UL, 1UL, 100_000_000UL, 100_000_001UL, (ulong)long.MaxValue, ulong.MaxValue).Select(value => (Func<ulong, ulong>)(_ => value))))
            .Select(change => new FileMutation("change the header length", bytes => ChangeLength(bytes, change)))),
        (4, Gen.Select(Gen.Double[0, 1], Gen.OneOf(NumberEdits), (at, to) => new FileMutation($"number at {at:F3} to {to}", bytes => EditHeader(bytes, s_number, at, to)))),
        (4, Gen.Select(Gen.Double[0, 1], Gen.OneOf(StringEdits), (at, to) => new FileMutation($"string at {at:F3} to {to}", bytes => EditHeader(bytes, s_string, at, to)))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.OneOf(StructureEdits), (at, to) =>
            new FileMutation($"punctuation at {at:F3} to '{to}'", bytes => EditHeader(bytes, s_punctuation, at, to)))));

    private static int Position(byte[] bytes, double at) => (int)Math.Min(bytes.Length, Math.Floor(at * (bytes.Length + 1)));

    private static byte[] FlipBit(byte[] bytes, double at, int bit) => FlipBit(bytes, Math.Min(Position(bytes, at), bytes.Length - 1), bit);

    private static byte[] FlipBit(byte[] bytes, int index, int bit)
    {
        if (index < 0 || index >= bytes.Length)
            return bytes;
        byte[] copy = (byte[])bytes.Clone();
        copy[index] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Insert(byte[] bytes, double at, byte[] inserted)
    {
        int index = Position(bytes, at);
        return [.. bytes[..index], .. inserted, .. bytes[index..]];
    }

    private static byte[] Delete(byte[] bytes, double at, int count)
    {
        int index = Math.Min(Position(bytes, at), bytes.Length);
        return [.. bytes[..index], .. bytes[Math.Min(bytes.Length, index + count)..]];
    }

    private static byte[] ChangeLength(byte[] bytes, Func<ulong, ulong> change)
    {
        if (bytes.Length < 8)
            return bytes;
        byte[] copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(copy, change(BinaryPrimitives.ReadUInt64LittleEndian(copy)));
        return copy;
    }

    /// <summary>Replaces the match of <paramref name="pattern"/> nearest the fraction <paramref name="at"/> of the header, then sets the length to the new header's.</summary>
    private static byte[] EditHeader(byte[] bytes, Regex pattern, double at, string replacement)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt64LittleEndian(bytes) is var length && length > (ulong)(bytes.Length - 8))
            return bytes;
        string header = Encoding.UTF8.GetString(bytes, 8, (int)length);
        MatchCollection matches = pattern.Matches(header);
        if (matches.Count == 0)
            return bytes;
        Match match = matches[Math.Min(matches.Count - 1, (int)(at * matches.Count))];
        byte[] edited = Encoding.UTF8.GetBytes(header[..match.Index] + replacement + header[(match.Index + match.Length)..]);
        return RawSafetensors.Build((ulong)edited.Length, edited, bytes[(8 + (int)length)..]);
    }
}
