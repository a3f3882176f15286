using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NetGen.Generator.Weights;

/// <summary>
/// The JSON of a safetensors header, and only that: an object whose values are objects of strings, arrays of
/// non-negative integers, or strings. Everything it builds is sized by characters already read, nesting is
/// bounded by that structure, and anything else is a <see cref="FormatException"/> with a message that says
/// what and where, which the reader turns into a diagnostic.
/// </summary>
internal sealed class HeaderJson
{
    private readonly string _text;
    private int _position;

    private HeaderJson(string text) => _text = text;

    /// <summary>Each top-level key with its value: a <see cref="string"/>, a list of <see cref="long"/>s, or a nested object of those.</summary>
    public static List<KeyValuePair<string, object>> ParseObject(string text)
    {
        var json = new HeaderJson(text);
        List<KeyValuePair<string, object>> members = json.ReadObject(depth: 0);
        json.SkipWhitespace();
        if (json._position != text.Length)
            throw json.Error("text after the header's closing brace");
        return members;
    }

    private List<KeyValuePair<string, object>> ReadObject(int depth)
    {
        Expect('{');
        var members = new List<KeyValuePair<string, object>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (TryTake('}'))
            return members;
        while (true)
        {
            SkipWhitespace();
            int at = _position;
            string name = ReadString();
            if (!names.Add(name))
                throw Error($"the name \"{name}\" is given twice", at);
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            members.Add(new KeyValuePair<string, object>(name, ReadValue(depth)));
            SkipWhitespace();
            if (TryTake('}'))
                return members;
            Expect(',');
        }
    }

    private object ReadValue(int depth)
    {
        char next = Peek();
        if (next == '"')
            return ReadString();
        if (next == '[')
            return ReadIntegers();
        if (next == '{' && depth == 0)
            return ReadObject(depth + 1);
        throw Error(depth == 0 ? "a value that is not an object, a string or an array of integers" : "a value that is not a string or an array of integers");
    }

    private List<long> ReadIntegers()
    {
        Expect('[');
        var values = new List<long>();
        SkipWhitespace();
        if (TryTake(']'))
            return values;
        while (true)
        {
            SkipWhitespace();
            values.Add(ReadInteger());
            SkipWhitespace();
            if (TryTake(']'))
                return values;
            Expect(',');
        }
    }

    private long ReadInteger()
    {
        int start = _position;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
            _position++;
        if (_position == start)
            throw Error("a value that is not a non-negative integer");
        if (_position < _text.Length && _text[_position] is '.' or 'e' or 'E')
            throw Error("a number that is not an integer", start);
        if (!long.TryParse(_text.Substring(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw Error("an integer too large for 64 bits", start);
        return value;
    }

    private string ReadString()
    {
        Expect('"');
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
                throw Error("a string that is not closed");
            char c = _text[_position++];
            if (c == '"')
                return builder.ToString();
            if (c < ' ')
                throw Error("a control character inside a string", _position - 1);
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (_position >= _text.Length)
                throw Error("a string that is not closed");
            char escaped = _text[_position++];
            switch (escaped)
            {
                case '"': case '\\': case '/': builder.Append(escaped); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        throw Error("a \\u escape without four hex digits", _position - 2);
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"the unknown escape \\{escaped}", _position - 2);
            }
        }
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\n' or '\r')
            _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : throw Error("the end of the header where a value was expected");

    private bool TryTake(char expected)
    {
        if (_position < _text.Length && _text[_position] == expected)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(char expected)
    {
        if (!TryTake(expected))
            throw Error(_position < _text.Length ? $"'{_text[_position]}' where '{expected}' was expected" : $"the end of the header where '{expected}' was expected");
    }

    private FormatException Error(string what, int? at = null) =>
        new($"its header holds {what} at character {(at ?? _position) + 1}");
}
