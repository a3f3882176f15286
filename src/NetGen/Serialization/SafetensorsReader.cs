using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace NetGen;

/// <summary>
/// Reads and checks a safetensors file as the reference implementation (huggingface/safetensors) does: an 8-byte
/// little-endian header length of at most 100 MB that lies inside the file; a header of valid UTF-8 JSON that is an
/// object of tensors <c>{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}</c> and an optional
/// <c>__metadata__</c> object of strings, with no name twice; each tensor's byte size equal to its element count times
/// its dtype's size, computed without overflow; the tensors' byte ranges, sorted, starting at 0 and following each
/// other with no gap or overlap; and the data ending exactly where the file ends. Anything else throws an
/// <see cref="InvalidDataException"/> that names the source, what is wrong and where. Nothing is allocated by a
/// size the header declares until that size has been checked against the bytes that are really there.
/// </summary>
internal sealed class SafetensorsReader
{
    /// <summary>The header key of the metadata object, which is not a tensor.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The largest header the reference implementation accepts, in bytes.</summary>
    public const long MaximumHeaderLength = 100_000_000;

    private const int LengthPrefix = sizeof(ulong);

    // Pieces in which a stream of unknown length is read, so that memory grows with the bytes that arrive.
    private const int FirstPiece = 1 << 16;

    private readonly byte[] _data;
    private readonly Dictionary<string, SafetensorsTensor> _byName;

    private SafetensorsReader(string source, long headerLength, SafetensorsTensor[] tensors, IReadOnlyDictionary<string, string> metadata, byte[] data)
    {
        (Source, HeaderLength, Tensors, Metadata, _data) = (source, headerLength, tensors, metadata, data);
        _byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>Where the bytes came from, as messages name it: <c>file '…'</c> or <c>stream</c>.</summary>
    public string Source { get; }

    /// <summary>The header's length in bytes, padding included; the data starts at byte 8 + this.</summary>
    public long HeaderLength { get; }

    /// <summary>The tensors in the order of their bytes in the data.</summary>
    public IReadOnlyList<SafetensorsTensor> Tensors { get; }

    /// <summary>The header's <c>__metadata__</c> pairs; empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// Reads a whole safetensors file from <paramref name="stream"/>'s current position to its end and checks it.
    /// </summary>
    /// <param name="stream">The bytes, read to their end; left open.</param>
    /// <param name="source">How messages name the bytes, such as <c>file 'model.safetensors'</c>.</param>
    /// <param name="maximumDataLength">
    /// The most tensor bytes the caller can use; a header that declares more is refused before they are read.
    /// </param>
    /// <exception cref="InvalidDataException">The bytes are not a valid safetensors file.</exception>
    public static SafetensorsReader Read(Stream stream, string source = "stream", long maximumDataLength = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        var context = new Context(source);

        byte[] prefix = ReadBounded(stream, LengthPrefix,
            found => context.Invalid($"it holds {found} bytes, fewer than the 8 bytes of the header length that starts the format"));
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (declared > MaximumHeaderLength)
            throw context.Invalid($"the header length (bytes 0-7) is {declared}, more than the {MaximumHeaderLength} bytes a header may take");
        long headerLength = (long)declared;
        byte[] header = ReadBounded(stream, headerLength,
            found => context.Invalid($"the header length (bytes 0-7) is {headerLength}, but only {found} bytes follow it"));

        var (tensors, metadata) = new HeaderParser(context, header).Parse();
        long dataLength = CheckLayout(context, tensors, LengthPrefix + headerLength);
        if (dataLength > maximumDataLength)
            throw context.Invalid($"its tensors take {dataLength} bytes, more than the {maximumDataLength} bytes expected of it");
        if (dataLength > Array.MaxLength)
            throw context.Invalid($"its tensors take {dataLength} bytes, more than NetGen reads into memory ({Array.MaxLength})");
        long dataStart = LengthPrefix + headerLength;
        byte[] data = ReadBounded(stream, dataLength,
            found => context.Invalid($"the tensors end at byte {dataStart + dataLength}, but the file ends at byte {dataStart + found}"));
        if (stream.CanSeek ? stream.Position < stream.Length : stream.ReadByte() >= 0)
        {
            string end = stream.CanSeek ? $"byte {stream.Length - stream.Position + dataStart + dataLength}" : "a later byte";
            throw context.Invalid($"the tensors end at byte {dataStart + dataLength}, but the file goes on to {end}: trailing bytes");
        }
        return new SafetensorsReader(source, headerLength, tensors, metadata, data);
    }

    /// <summary>The tensor named <paramref name="name"/>, or false when the file has none of that name.</summary>
    public bool TryGetTensor(string name, out SafetensorsTensor tensor) => _byName.TryGetValue(name, out tensor!);

    /// <summary>Reads an I32 tensor's elements, such as indices, into <paramref name="destination"/>, row-major.</summary>
    /// <exception cref="ArgumentException">The tensor is not this file's, or the destination's length is not its element count.</exception>
    /// <exception cref="InvalidDataException">The tensor is not I32.</exception>
    public void ReadInt32(SafetensorsTensor tensor, Span<int> destination)
    {
        ReadOnlySpan<byte> bytes = Bytes(tensor, destination.Length);
        if (tensor.DType != SafetensorsDType.I32)
            throw new Context(Source).Invalid($"tensor '{tensor.Name}' is {tensor.DType}; expected I32");
        for (int k = 0; k < destination.Length; k++)
            destination[k] = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(k * sizeof(int)));
    }

    /// <summary>
    /// Reads <paramref name="tensor"/>'s elements into <paramref name="destination"/>, row-major, converting from F32,
    /// F64, F16 or BF16: exactly, except F64 into float, which rounds to nearest.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not this file's, or the destination's length is not its element count.</exception>
    /// <exception cref="InvalidDataException">The tensor's dtype is not one of the four.</exception>
    public void ReadValues<T>(SafetensorsTensor tensor, Span<T> destination) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ReadOnlySpan<byte> bytes = Bytes(tensor, destination.Length);
        if (!SafetensorsDTypes.IsReadable(tensor.DType))
            throw new Context(Source).Invalid($"tensor '{tensor.Name}' is {tensor.DType}; NetGen reads F32, F64, F16 and BF16 only");

        int size = SafetensorsDTypes.Size(tensor.DType);
        for (int k = 0; k < destination.Length; k++)
        {
            ReadOnlySpan<byte> element = bytes.Slice(k * size, size);
            destination[k] = tensor.DType switch
            {
                SafetensorsDType.F32 => T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(element)),
                SafetensorsDType.F64 => T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(element)),
                SafetensorsDType.F16 => T.CreateTruncating((float)BinaryPrimitives.ReadHalfLittleEndian(element)),
                // bfloat16 is the upper half of a float32's bits.
                _ => T.CreateTruncating(BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element) << 16)),
            };
        }
    }

    /// <summary>The bytes of <paramref name="tensor"/>, one of this file's, for a destination of <paramref name="length"/> elements.</summary>
    private ReadOnlySpan<byte> Bytes(SafetensorsTensor tensor, int length)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_byName.TryGetValue(tensor.Name, out SafetensorsTensor? own) || own != tensor)
            throw new ArgumentException($"Tensor '{tensor.Name}' is not one of this {Source}'s tensors.", nameof(tensor));
        if (length != tensor.ElementCount)
            throw new ArgumentException($"Tensor '{tensor.Name}' has {tensor.ElementCount} elements; the destination holds {length}.", "destination");
        return _data.AsSpan((int)tensor.Begin, (int)(tensor.End - tensor.Begin));
    }

    /// <summary>
    /// Checks that every tensor's byte range is its element count times its dtype's size, and that the ranges, in
    /// order, start at 0 and follow each other exactly; returns the data's length and sorts the tensors by offset.
    /// </summary>
    private static long CheckLayout(Context context, SafetensorsTensor[] tensors, long dataStart)
    {
        foreach (SafetensorsTensor tensor in tensors)
        {
            long bytes;
            try
            {
                long count = 1;
                foreach (long dimension in tensor.Shape)
                    count = checked(count * dimension);
                bytes = checked(count * SafetensorsDTypes.Size(tensor.DType));
            }
            catch (OverflowException)
            {
                throw context.Invalid($"tensor '{tensor.Name}' has shape {tensor.ShapeText}, whose byte size overflows a 64-bit count");
            }
            if (tensor.End - tensor.Begin != bytes)
                throw context.Invalid($"tensor '{tensor.Name}' is {tensor.DType} of shape {tensor.ShapeText}, {bytes} bytes, "
                    + $"but its data_offsets [{tensor.Begin}, {tensor.End}] span {tensor.End - tensor.Begin}");
        }

        // Zero-sized tensors share their offset with the next one; ordering by end as well keeps them first.
        Array.Sort(tensors, (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        foreach (SafetensorsTensor tensor in tensors)
        {
            if (tensor.Begin != expected)
            {
                string problem = expected == 0 ? "the data must start at offset 0 with the first tensor"
                    : tensor.Begin < expected ? $"it overlaps the tensor before, which ends at offset {expected}"
                    : $"bytes {expected} to {tensor.Begin} of the data belong to no tensor";
                throw context.Invalid($"tensor '{tensor.Name}' starts at data offset {tensor.Begin} (file byte {dataStart + tensor.Begin}): {problem}");
            }
            expected = tensor.End;
        }
        return expected;
    }

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes. A stream that knows its length is checked first; one that does
    /// not is read in growing pieces, so that a count no bytes back costs no memory.
    /// </summary>
    private static byte[] ReadBounded(Stream stream, long count, Func<long, InvalidDataException> truncated)
    {
        if (stream.CanSeek && stream.Length - stream.Position < count)
            throw truncated(Math.Max(0, stream.Length - stream.Position));
        byte[] buffer = new byte[stream.CanSeek ? count : Math.Min(count, FirstPiece)];
        int filled = 0;
        while (filled < count)
        {
            if (filled == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(count, 2L * buffer.Length));
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
                throw truncated(filled);
            filled += read;
        }
        return buffer;
    }

    /// <summary>Where the bytes come from, for messages.</summary>
    private readonly record struct Context(string Source)
    {
        public InvalidDataException Invalid(string what) => new($"The safetensors {Source} is not valid: {what}.");
    }

    /// <summary>Reads the JSON header into tensors and metadata, checking its structure entry by entry.</summary>
    private ref struct HeaderParser
    {
        private readonly Context _context;
        private readonly byte[] _header;
        private Utf8JsonReader _json;

        public HeaderParser(Context context, byte[] header)
        {
            (_context, _header) = (context, header);
            _json = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 4 });
        }

        public (SafetensorsTensor[] Tensors, IReadOnlyDictionary<string, string> Metadata) Parse()
        {
            CheckUtf8();
            // The reference refuses a header that does not open an object at once (no whitespace or byte-order mark).
            if (_header.Length == 0 || _header[0] != (byte)'{')
                throw _context.Invalid($"the header (from byte {LengthPrefix}) must start with '{{'"
                    + (_header.Length == 0 ? ", but it is empty" : $", but starts with byte 0x{_header[0]:X2}"));
            try
            {
                return ParseRoot();
            }
            catch (JsonException e)
            {
                throw _context.Invalid($"the header is not valid JSON: {FirstSentence(e.Message)} (header line {e.LineNumber + 1}, "
                    + $"byte {e.BytePositionInLine} of the line)");
            }
        }

        private (SafetensorsTensor[], IReadOnlyDictionary<string, string>) ParseRoot()
        {
            var tensors = new List<SafetensorsTensor>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, string>? metadata = null;
            Next();
            while (Next() != JsonTokenType.EndObject)
            {
                long at = Position;
                string name = String("a tensor name");
                if (!names.Add(name))
                    throw Invalid($"'{name}' appears twice", at);
                if (name == MetadataKey)
                    metadata = ParseMetadata();
                else
                    tensors.Add(ParseTensor(name, at));
            }
            // Only spaces (the padding) and other JSON whitespace may follow the object.
            if (_json.Read())
                throw Invalid($"the header goes on after its object", Position);
            return (tensors.ToArray(), metadata ?? new Dictionary<string, string>());
        }

        private IReadOnlyDictionary<string, string> ParseMetadata()
        {
            long at = Position;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            JsonTokenType start = Next();
            if (start == JsonTokenType.Null)
                return metadata;
            if (start != JsonTokenType.StartObject)
                throw Invalid($"'{MetadataKey}' is {Describe(start)}; expected an object of strings", at);
            while (Next() != JsonTokenType.EndObject)
            {
                long keyAt = Position;
                string key = String("a metadata key");
                if (Next() != JsonTokenType.String)
                    throw Invalid($"metadata '{key}' is {Describe(_json.TokenType)}; expected a string", keyAt);
                if (!metadata.TryAdd(key, String("a metadata value")))
                    throw Invalid($"metadata '{key}' appears twice", keyAt);
            }
            return metadata;
        }

        private SafetensorsTensor ParseTensor(string name, long at)
        {
            if (Next() != JsonTokenType.StartObject)
                throw Invalid($"tensor '{name}' is {Describe(_json.TokenType)}; expected an object of dtype, shape and data_offsets", at);
            SafetensorsDType? dtype = null;
            long[]? shape = null, offsets = null;
            while (Next() != JsonTokenType.EndObject)
            {
                long keyAt = Position;
                string key = String("a field name");
                switch (key)
                {
                    case "dtype" when dtype is null:
                        if (Next() != JsonTokenType.String)
                            throw Invalid($"tensor '{name}' has a dtype that is {Describe(_json.TokenType)}; expected a string such as \"F32\"", keyAt);
                        string text = String("a dtype");
                        dtype = SafetensorsDTypes.TryParse(text, out SafetensorsDType parsed)
                            ? parsed
                            : throw Invalid($"tensor '{name}' has the unknown dtype \"{text}\"", keyAt);
                        break;
                    case "shape" when shape is null:
                        shape = Integers(name, key, keyAt);
                        break;
                    case "data_offsets" when offsets is null:
                        offsets = Integers(name, key, keyAt);
                        if (offsets.Length != 2 || offsets[0] > offsets[1])
                            throw Invalid($"tensor '{name}' has data_offsets {SafetensorsTensor.FormatShape(offsets)}; expected [begin, end] with begin <= end", keyAt);
                        break;
                    case "dtype" or "shape" or "data_offsets":
                        throw Invalid($"tensor '{name}' gives its {key} twice", keyAt);
                    default:
                        throw Invalid($"tensor '{name}' has the field '{key}'; a tensor has dtype, shape and data_offsets only", keyAt);
                }
            }
            if (dtype is null || shape is null || offsets is null)
            {
                string missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
                throw Invalid($"tensor '{name}' has no {missing}", at);
            }
            return new SafetensorsTensor(name, dtype.Value, shape, offsets[0], offsets[1]);
        }

        /// <summary>An array of non-negative whole numbers that fit a long, as the format's shapes and offsets are.</summary>
        private long[] Integers(string name, string key, long at)
        {
            if (Next() != JsonTokenType.StartArray)
                throw Invalid($"tensor '{name}' has a {key} that is {Describe(_json.TokenType)}; expected an array of non-negative integers", at);
            var values = new List<long>();
            while (Next() != JsonTokenType.EndArray)
            {
                if (_json.TokenType != JsonTokenType.Number || !_json.TryGetInt64(out long value) || value < 0)
                {
                    string found = _json.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(_json.ValueSpan) : Describe(_json.TokenType);
                    throw Invalid($"tensor '{name}' has {found} in its {key}; expected non-negative integers below 2^63", at);
                }
                values.Add(value);
            }
            return values.ToArray();
        }

        private JsonTokenType Next()
        {
            if (!_json.Read())
                throw Invalid("the header ends before its object closes", Position);
            return _json.TokenType;
        }

        private string String(string what)
        {
            try
            {
                return _json.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // Escapes such as a lone "\ud800" decode to no valid text.
                throw Invalid($"{what} holds an escape that is no valid Unicode text", Position);
            }
        }

        private readonly long Position => _json.TokenStartIndex;

        /// <summary>The reference reads the header as a UTF-8 string before parsing it: a bad byte is refused wherever it is.</summary>
        private readonly void CheckUtf8()
        {
            if (System.Text.Unicode.Utf8.IsValid(_header))
                return;
            int index = 0;
            ReadOnlySpan<byte> rest = _header;
            while (System.Text.Rune.DecodeFromUtf8(rest, out _, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                rest = rest[consumed..];
                index += consumed;
            }
            throw Invalid($"the header is not valid UTF-8 (byte 0x{_header[index]:X2})", index);
        }

        private readonly InvalidDataException Invalid(string what, long headerIndex) =>
            _context.Invalid($"{what}, at header byte {headerIndex} (file byte {LengthPrefix + headerIndex})");

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return (end < 0 ? message : message[..end]).TrimEnd('.');
        }
    }
}
