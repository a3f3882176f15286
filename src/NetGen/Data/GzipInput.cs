using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace NetGen;

/// <summary>
/// A read-only stream of the data a gzip file (RFC 1952) decompresses to, member after member, that
/// reports a file cut short. <see cref="GZipStream"/> does not: when the compressed input runs out
/// inside a member it returns the end of the data, so a truncated file reads as a shorter one. Here
/// each member's header is parsed, its deflate data inflated by a <see cref="DeflateStream"/> that is
/// told where the input ends, and its trailer checked against the CRC-32 and length of what it
/// inflated to. Nothing is read ahead of what the caller asks for beyond one buffer of compressed bytes,
/// so a caller that stops early never inflates the rest. Errors are <see cref="InvalidDataException"/>s
/// that give the byte of the compressed file where they show; the caller adds the file's name.
/// </summary>
internal sealed partial class GzipInput : ReadOnlyStream
{
    /// <summary>The most compressed bytes handed to the inflater at once.</summary>
    private const int ChunkSize = 8192;

    private const byte FlagHeaderCrc = 0x02, FlagExtra = 0x04, FlagName = 0x08, FlagComment = 0x10, ReservedFlags = 0xE0;

    private readonly Stream _file;

    // Compressed bytes read from the file: _buffer[_used.._filled] are not consumed yet, and _buffer[0]
    // is byte _bufferOffset of the file. Twice a chunk, so that a trailer that straddles the last
    // chunk's end still fits beside it.
    private readonly byte[] _buffer = new byte[2 * ChunkSize];
    private long _bufferOffset;
    private int _used, _filled;

    private DeflateStream? _member;
    private bool _memberInputEnded;
    private long _lastChunkStart;
    private uint _crc;
    private long _memberLength;
    private bool _finished;

    /// <summary>Decompresses <paramref name="file"/>, which must start with gzip's magic; disposing this disposes it.</summary>
    internal GzipInput(Stream file) => _file = file;

    private long FileOffset => _bufferOffset + _used;

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        while (!_finished)
        {
            if (_member is null && !StartMember())
            {
                _finished = true;
                break;
            }
            int read;
            try
            {
                read = _member!.Read(destination);
            }
            catch (InvalidDataException exception)
            {
                throw new InvalidDataException($"the gzip data is corrupt near byte {FileOffset} of the file: {exception.Message}", exception);
            }
            if (read > 0)
            {
                _crc = Crc32.Append(_crc, destination[..read]);
                _memberLength += read;
                return read;
            }
            EndMember();
        }
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Parses a member's header and starts inflating its data; false at the end of the file after a member.</summary>
    private bool StartMember()
    {
        long start = FileOffset;
        if (start > 0 && !EnsureAvailable(1))
            return false;
        if (!EnsureAvailable(10))
            throw Truncated($"the file ends at byte {_bufferOffset + _filled}, inside the 10-byte header of the gzip member at byte {start}");
        ReadOnlySpan<byte> header = _buffer.AsSpan(_used, 10);
        if (header[0] != 0x1F || header[1] != 0x8B)
            throw new InvalidDataException(
                $"unexpected data at byte {start} of the file, after the gzip data: expected another gzip member (1F 8B) or the end of the file.");
        if (header[2] != 8)
            throw new InvalidDataException($"compression method {header[2]} at byte {start + 2} of the file: expected 8, deflate, the only one gzip defines.");
        byte flags = header[3];
        if ((flags & ReservedFlags) != 0)
            throw new InvalidDataException($"reserved gzip flags 0x{flags & ReservedFlags:X2} set at byte {start + 3} of the file: expected none.");
        _used += 10;
        if ((flags & FlagExtra) != 0)
            Skip(HeaderByte() | HeaderByte() << 8);
        if ((flags & FlagName) != 0)
            while (HeaderByte() != 0) { }
        if ((flags & FlagComment) != 0)
            while (HeaderByte() != 0) { }
        if ((flags & FlagHeaderCrc) != 0)
            Skip(2);

        _member = new DeflateStream(new DeflateSource(this), CompressionMode.Decompress);
        (_memberInputEnded, _crc, _memberLength) = (false, 0, 0);
        return true;
    }

    /// <summary>Checks the trailer of the member whose deflate data has just ended, and moves past it.</summary>
    private void EndMember()
    {
        _member!.Dispose();
        _member = null;
        if (_memberInputEnded)
            throw Truncated($"the file ends at byte {FileOffset}, inside the compressed data of a gzip member, after {_memberLength} bytes of it were inflated");

        // The inflater stopped somewhere in the last chunk it was handed and does not say where; the
        // trailer starts there, so it is found by its content: the CRC-32 and length just computed.
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)_memberLength);
        for (long position = _lastChunkStart, chunkEnd = FileOffset; position <= chunkEnd; position++)
        {
            _used = (int)(position - _bufferOffset);
            if (!EnsureAvailable(8))
                break;
            if (_buffer.AsSpan(_used, 8).SequenceEqual(trailer))
            {
                _used += 8;
                return;
            }
        }
        throw Truncated(
            $"no trailer with the CRC-32 {_crc:X8} and length {_memberLength} of what the gzip member inflated to follows its compressed data, "
            + $"which ends by byte {_bufferOffset + _filled} of the file: the file is cut short or corrupt");
    }

    private static InvalidDataException Truncated(string detail) => new($"the gzip data is truncated: {detail}.");

    private byte HeaderByte()
    {
        if (!EnsureAvailable(1))
            throw Truncated($"the file ends at byte {FileOffset}, inside a gzip member's header");
        return _buffer[_used++];
    }

    private void Skip(int count)
    {
        for (int i = 0; i < count; i++)
            HeaderByte();
    }

    /// <summary>Makes <paramref name="count"/> unconsumed bytes available in the buffer; false if the file ends first.</summary>
    private bool EnsureAvailable(int count)
    {
        while (_filled - _used < count)
        {
            _buffer.AsSpan(_used, _filled - _used).CopyTo(_buffer);
            (_bufferOffset, _filled, _used) = (_bufferOffset + _used, _filled - _used, 0);
            int read = _file.Read(_buffer.AsSpan(_filled));
            if (read == 0)
                return false;
            _filled += read;
        }
        return true;
    }

    /// <summary>The next compressed bytes for the inflater, at most a chunk; 0 at the end of the file.</summary>
    private int NextChunk(Span<byte> destination)
    {
        if (_used == _filled)
        {
            (_bufferOffset, _used) = (_bufferOffset + _filled, 0);
            _filled = _file.Read(_buffer.AsSpan(0, ChunkSize));
            if (_filled == 0)
            {
                // DeflateStream asks for input only while its member is unfinished, and takes this 0
                // as the end of the data: remember that it was the end of the file instead.
                _memberInputEnded = true;
                return 0;
            }
        }
        _lastChunkStart = FileOffset;
        int count = Math.Min(Math.Min(destination.Length, ChunkSize), _filled - _used);
        _buffer.AsSpan(_used, count).CopyTo(destination);
        _used += count;
        return count;
    }
}
