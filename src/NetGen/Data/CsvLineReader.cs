using System;
using System.Globalization;
using System.IO;

namespace NetGen;

/// <summary>
/// Reads delimited text line by line, as <see cref="TextReader.ReadLine"/> does (a line ends at
/// "\n", "\r\n" or "\r"), but never holds more than <see cref="MaxLineLength"/> characters of a line:
/// ReadLine builds the whole line first, so one endless line, a gzip bomb's for instance, would take
/// all the memory there is before the parser saw a character of it.
/// </summary>
internal sealed class CsvLineReader
{
    /// <summary>The most characters a line may hold: 1 MiB, far beyond any row of numbers a network takes.</summary>
    internal const int MaxLineLength = 1 << 20;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly char[] _block = new char[16 * 1024];
    private int _start, _end;
    private char[] _line = new char[1024];
    private bool _skipLineFeed, _ended;

    /// <param name="reader">The text.</param>
    /// <param name="source">What messages call the text.</param>
    /// <param name="linesBefore">How many lines of the file were read before <paramref name="reader"/>'s first, so that numbers match the file.</param>
    internal CsvLineReader(TextReader reader, string source, int linesBefore) =>
        (_reader, _source, LineNumber) = (reader, source, linesBefore);

    /// <summary>The number of the line last read, counted from 1.</summary>
    internal int LineNumber { get; private set; }

    /// <summary>
    /// The next line, without its line break, in a buffer that the next call overwrites; false at the end
    /// of the text.
    /// </summary>
    /// <exception cref="InvalidDataException">The line is longer than <see cref="MaxLineLength"/>, or the compressed data under the text is corrupt.</exception>
    internal bool TryReadLine(out ReadOnlySpan<char> line)
    {
        int length = 0;
        bool any = false;
        while (true)
        {
            if (_start == _end && !Fill())
            {
                line = _line.AsSpan(0, length);
                if (any)
                    LineNumber++;
                return any;
            }
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_block[_start] == '\n' && ++_start == _end)
                    continue;
            }
            any = true;
            ReadOnlySpan<char> available = _block.AsSpan(_start, _end - _start);
            int lineBreak = available.IndexOfAny('\n', '\r');
            int count = lineBreak < 0 ? available.Length : lineBreak;
            Append(available[..count], ref length);
            _start += count;
            if (lineBreak >= 0)
            {
                _skipLineFeed = _block[_start] == '\r';
                _start++;
                LineNumber++;
                line = _line.AsSpan(0, length);
                return true;
            }
        }
    }

    private void Append(ReadOnlySpan<char> characters, ref int length)
    {
        if (length + characters.Length > MaxLineLength)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{_source}: line {LineNumber + 1} is longer than {MaxLineLength:N0} characters, the most a line may hold: is this delimited text?"));
        if (length + characters.Length > _line.Length)
            Array.Resize(ref _line, Math.Min(MaxLineLength, Math.Max(length + characters.Length, 2 * _line.Length)));
        characters.CopyTo(_line.AsSpan(length));
        length += characters.Length;
    }

    private bool Fill()
    {
        if (_ended)
            return false;
        try
        {
            _end = _reader.Read(_block);
        }
        catch (InvalidDataException exception)
        {
            // GzipInput places the fault in the compressed file; this names the file and the line it cut.
            throw new InvalidDataException($"{_source}, line {LineNumber + 1}: {exception.Message}", exception);
        }
        _start = 0;
        _ended = _end == 0;
        return !_ended;
    }
}
