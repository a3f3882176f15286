using System;
using System.Text;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes lines of source at the current indentation, blocks indented by four spaces, each line broken by
/// <see cref="LineBreaker"/> where it would be too long (unless the text is to change first, and be broken then).
/// </summary>
internal sealed class IndentedWriter(bool breaksLines = true)
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length == 0)
        {
            _text.Append('\n');
            return;
        }
        if (!breaksLines)
        {
            _text.Append(' ', _depth * 4).Append(line).Append('\n');
            return;
        }
        foreach ((int depth, string text) in LineBreaker.Break(line, _depth))
            _text.Append(' ', depth * 4).Append(text).Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; disposing the result closes the block.</summary>
    public Block Open(string header)
    {
        if (header.Length > 0)
            Line(header);
        Line("{");
        _depth++;
        return new Block(this);
    }

    public override string ToString() => _text.ToString();

    internal readonly struct Block(IndentedWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._depth--;
            writer.Line("}");
        }
    }
}
