using System;
using System.Text;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes lines of source at the current indentation; blocks indent by four spaces. Lines are written whole:
/// <see cref="LineBreaker.BreakAll"/> breaks the finished text.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
            _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
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
