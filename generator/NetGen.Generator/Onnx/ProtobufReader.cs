using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Onnx;

/// <summary>
/// Reads protobuf's wire format from a byte array without ever throwing: every read checks the bytes left in the
/// message it is in before it touches or allocates anything, and the first fault becomes <see cref="Error"/>
/// ("what at byte N, in the messages around it"), after which every read returns false. Nothing is sized by a
/// length that has not been checked against the bytes that remain, so a hostile length cannot allocate more than
/// the file's own size, and messages nest no deeper than <see cref="MaximumDepth"/>, so a hostile file cannot
/// exhaust the stack.
/// </summary>
internal sealed class ProtobufReader
{
    /// <summary>Protobuf's own default recursion limit.</summary>
    public const int MaximumDepth = 100;

    /// <summary>Ten 7-bit groups hold 64 bits; the tenth may only carry the last bit.</summary>
    private const int MaximumVarintLength = 10;

    private const ulong MaximumFieldNumber = (1 << 29) - 1;

    // Replaces invalid bytes instead of throwing; TryReadString then detects the replacement by re-encoding.
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly byte[] _bytes;
    private int _position;
    private int _limit;
    // The messages being read, outermost first; their count is the nesting depth.
    private readonly List<string> _messages = [];
    private int _fieldNumber;

    public ProtobufReader(byte[] bytes)
    {
        _bytes = bytes;
        _limit = bytes.Length;
    }

    /// <summary>The input's size in bytes, which bounds how many values any field of it can hold.</summary>
    public int Length => _bytes.Length;

    /// <summary>The first fault found, with its byte offset; null while the input is well formed.</summary>
    public string? Error { get; private set; }

    /// <summary>Where the tag of the field being read starts, for faults that are about the whole field.</summary>
    public int FieldStart { get; private set; }

    /// <summary>Records <paramref name="what"/> at byte <paramref name="at"/> unless a fault is already recorded; always false, so that callers can return it.</summary>
    public bool Fail(string what, int at)
    {
        Error ??= $"{what} at byte {at}{Inside()}";
        return false;
    }

    /// <summary>
    /// Reads every field up to the end of the input, handing each field's number and wire type to
    /// <paramref name="readField"/>, which must read or skip its value and return false on a fault.
    /// </summary>
    public bool TryReadFieldsToEnd(Func<int, ProtobufWireType, bool> readField)
    {
        while (Error is null && _position < _limit)
        {
            if (!TryReadTag(out int field, out ProtobufWireType wireType) || !readField(field, wireType))
                return Fail("a field that could not be read", FieldStart);
        }
        return Error is null;
    }

    /// <summary>Reads a length-delimited embedded message, the field's value, as <see cref="TryReadFieldsToEnd"/> reads the input.</summary>
    public bool TryReadMessage(ProtobufWireType wireType, string message, Func<int, ProtobufWireType, bool> readField)
    {
        int at = FieldStart;
        if (!Expect(wireType, ProtobufWireType.LengthDelimited) || !TryReadLength(out int length))
            return false;
        if (_messages.Count == MaximumDepth)
            return Fail($"{message} nested deeper than {MaximumDepth} messages", at);
        int outerLimit = _limit;
        _limit = _position + length;
        _messages.Add(message);
        bool read = TryReadFieldsToEnd(readField);
        _messages.RemoveAt(_messages.Count - 1);
        _limit = outerLimit;
        return read;
    }

    public bool TryReadInt64(ProtobufWireType wireType, out long value)
    {
        value = 0;
        if (!Expect(wireType, ProtobufWireType.Varint) || !TryReadVarint(out ulong raw))
            return false;
        value = unchecked((long)raw);
        return true;
    }

    /// <summary>An int32 or enum field: protobuf writes a negative one sign-extended to 64 bits, and a reader keeps the low 32.</summary>
    public bool TryReadInt32(ProtobufWireType wireType, out int value)
    {
        bool read = TryReadInt64(wireType, out long wide);
        value = unchecked((int)wide);
        return read;
    }

    public bool TryReadFloat(ProtobufWireType wireType, out float value)
    {
        value = 0;
        if (!Expect(wireType, ProtobufWireType.Fixed32) || !TryReadLittleEndian(4, out ulong bits))
            return false;
        value = SingleFromBits((uint)bits);
        return true;
    }

    public bool TryReadString(ProtobufWireType wireType, out string value)
    {
        value = "";
        if (!TryReadBytes(wireType, out int start, out int length))
            return false;
        value = LenientUtf8.GetString(_bytes, start, length);
        // Decoding replaced any invalid sequence with U+FFFD, so the text encodes back to other bytes.
        if (!LenientUtf8.GetBytes(value).AsSpan().SequenceEqual(_bytes.AsSpan(start, length)))
            return Fail("a string that is not valid UTF-8", start);
        return true;
    }

    /// <summary>A bytes field's place in the input, checked to lie inside its message, without copying it.</summary>
    public bool TryReadBytes(ProtobufWireType wireType, out int start, out int length)
    {
        start = _position;
        length = 0;
        if (!Expect(wireType, ProtobufWireType.LengthDelimited) || !TryReadLength(out length))
            return false;
        start = _position;
        _position += length;
        return true;
    }

    /// <summary>One value of a repeated int64 field, or all of them when it is packed (protobuf's parsers take both).</summary>
    public bool TryReadRepeatedInt64(ProtobufWireType wireType, List<long> values) =>
        wireType == ProtobufWireType.LengthDelimited
            ? TryReadPacked(elementSize: 0, () => Appended(TryReadVarint(out ulong raw), values, unchecked((long)raw)))
            : Appended(TryReadInt64(wireType, out long value), values, value);

    /// <summary>One value of a repeated int32 field, or all of them when it is packed.</summary>
    public bool TryReadRepeatedInt32(ProtobufWireType wireType, List<long> values) =>
        wireType == ProtobufWireType.LengthDelimited
            ? TryReadPacked(elementSize: 0, () => Appended(TryReadVarint(out ulong raw), values, (long)unchecked((int)raw)))
            : Appended(TryReadInt32(wireType, out int value), values, value);

    /// <summary>One value of a repeated float field, or all of them when it is packed.</summary>
    public bool TryReadRepeatedFloat(ProtobufWireType wireType, List<float> values) =>
        wireType == ProtobufWireType.LengthDelimited
            ? TryReadPacked(elementSize: 4, () => Appended(TryReadLittleEndian(4, out ulong bits), values, SingleFromBits((uint)bits)))
            : Appended(TryReadFloat(wireType, out float value), values, value);

    /// <summary>One value of a repeated double field, or all of them when it is packed.</summary>
    public bool TryReadRepeatedDouble(ProtobufWireType wireType, List<double> values)
    {
        if (wireType == ProtobufWireType.LengthDelimited)
            return TryReadPacked(elementSize: 8, () => Appended(TryReadLittleEndian(8, out ulong bits), values, BitConverter.Int64BitsToDouble(unchecked((long)bits))));
        if (!Expect(wireType, ProtobufWireType.Fixed64) || !TryReadLittleEndian(8, out ulong single))
            return false;
        values.Add(BitConverter.Int64BitsToDouble(unchecked((long)single)));
        return true;
    }

    /// <summary>Passes over a field this reader does not need, whatever its wire type, as protobuf requires of unknown fields.</summary>
    public bool TrySkip(ProtobufWireType wireType) => wireType switch
    {
        ProtobufWireType.Varint => TryReadVarint(out _),
        ProtobufWireType.Fixed64 => TryReadLittleEndian(8, out _),
        ProtobufWireType.Fixed32 => TryReadLittleEndian(4, out _),
        _ => TryReadBytes(wireType, out _, out _),
    };

    /// <summary>The little-endian value of the <paramref name="count"/> bytes at <paramref name="start"/>, whatever the host's byte order; the caller has checked the range.</summary>
    public ulong LittleEndianAt(int start, int count)
    {
        ulong value = 0;
        for (int b = count - 1; b >= 0; b--)
            value = (value << 8) | _bytes[start + b];
        return value;
    }

    public static float SingleFromBits(uint bits) => BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);

    /// <summary>Where in the model a fault is, innermost message first, so that a user can find it without a hex dump.</summary>
    private string Inside()
    {
        const int Shown = 4;
        if (_messages.Count == 0)
            return "";
        var names = new List<string>(_messages);
        names.Reverse();
        string path = string.Join(" in ", names.Take(Shown));
        return names.Count > Shown ? $", in {path} in {names.Count - Shown} more messages" : $", in {path}";
    }

    private bool TryReadTag(out int fieldNumber, out ProtobufWireType wireType)
    {
        FieldStart = _position;
        fieldNumber = 0;
        wireType = ProtobufWireType.Varint;
        if (!TryReadVarint(out ulong tag))
            return false;
        ulong number = tag >> 3;
        if (number is 0 or > MaximumFieldNumber)
            return Fail($"the field number {number}, outside protobuf's 1 to {MaximumFieldNumber}", FieldStart);
        fieldNumber = _fieldNumber = (int)number;
        wireType = (ProtobufWireType)(tag & 7);
        if (wireType is not (ProtobufWireType.Varint or ProtobufWireType.Fixed64 or ProtobufWireType.LengthDelimited or ProtobufWireType.Fixed32))
            return Fail($"field {number} with wire type {(int)wireType}, which is not 0, 1, 2 or 5 (groups are not read)", FieldStart);
        return true;
    }

    private bool TryReadVarint(out ulong value)
    {
        int at = _position;
        value = 0;
        for (int i = 0; i < MaximumVarintLength; i++)
        {
            if (_position >= _limit)
                return Fail("a varint cut off by the end of its message", at);
            byte next = _bytes[_position++];
            if (i == MaximumVarintLength - 1 && next >= 0x80)
                return Fail($"a varint longer than {MaximumVarintLength} bytes", at);
            if (i == MaximumVarintLength - 1 && next > 1)
                return Fail("a varint beyond 64 bits", at);
            value |= (ulong)(next & 0x7F) << (7 * i);
            if (next < 0x80)
                return true;
        }
        return false;
    }

    /// <summary>A length prefix, checked against the bytes left in the message before anything is sized by it.</summary>
    private bool TryReadLength(out int length)
    {
        int at = _position;
        length = 0;
        if (!TryReadVarint(out ulong value))
            return false;
        int left = _limit - _position;
        if (value > (ulong)left)
            return Fail($"a length of {value} bytes where {left} are left in its message", at);
        length = (int)value;
        return true;
    }

    private bool TryReadLittleEndian(int count, out ulong value)
    {
        value = 0;
        if (_limit - _position < count)
            return Fail($"a {count}-byte value cut off by the end of its message", _position);
        value = LittleEndianAt(_position, count);
        _position += count;
        return true;
    }

    /// <summary>Reads elements until the packed field's bytes are used up; fixed-size elements must fill them exactly.</summary>
    private bool TryReadPacked(int elementSize, Func<bool> readElement)
    {
        int at = _position;
        if (!TryReadLength(out int length))
            return false;
        if (elementSize > 0 && length % elementSize != 0)
            return Fail($"a packed field of {length} bytes, not a whole number of {elementSize}-byte values", at);
        int outerLimit = _limit;
        _limit = _position + length;
        while (Error is null && _position < _limit)
            readElement();
        _limit = outerLimit;
        return Error is null;
    }

    private bool Expect(ProtobufWireType actual, ProtobufWireType expected) =>
        actual == expected || Fail($"field {_fieldNumber} with wire type {(int)actual} where its type needs {(int)expected}", FieldStart);

    private static bool Appended<T>(bool read, List<T> values, T value)
    {
        if (read)
            values.Add(value);
        return read;
    }
}
