using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Breaks a line of generated code or comment that would reach <see cref="MaxLength"/> characters, as a
/// careful hand would: a comment at its spaces; code before its outermost operators (<c>+</c>, <c>?</c>,
/// <c>:</c>, <c>&amp;&amp;</c>, <c>||</c>), else among the arguments of its longest outermost call, each
/// continuation one level deeper and filled as far as it fits. Where no such place is left, the line
/// stays long rather than being broken inside a token.
/// </summary>
internal static class LineBreaker
{
    /// <summary>Lines stay shorter than this, indentation included.</summary>
    public const int MaxLength = 150;

    private const int IndentWidth = 4;

    // Kinds of operator, by precedence from the loosest a line is cut at; a conditional's two parts are one kind.
    private static readonly string[][] OperatorKinds = [[" ? ", " : "], [" || "], [" && "], [" + "]];

    /// <summary>The lines <paramref name="line"/> becomes at <paramref name="depth"/> levels of indentation, each with its own depth.</summary>
    public static IEnumerable<(int Depth, string Text)> Break(string line, int depth)
    {
        if (Fits(line, depth))
            return [(depth, line)];
        // Indentation written into the line itself (a case's statements) counts as depth.
        string trimmed = line.TrimStart(' ');
        depth += (line.Length - trimmed.Length) / IndentWidth;
        line = trimmed;
        if (line.StartsWith("//"))
            return BreakComment(line, depth);
        // A comment after code goes on a line of its own above it.
        if (TopLevel(line).FirstOrDefault(i => At(line, i, " // ")) is int comment && comment > 0)
            return Break(line.Substring(comment + 1), depth).Concat(Break(line.Substring(0, comment), depth));
        List<string>? pieces = OperatorPieces(line, out bool conditional) ?? ArgumentPieces(line);
        if (pieces is null)
            return [(depth, line)];
        return Pack(pieces, depth, oneALine: conditional).SelectMany(packed => packed.Depth == depth && packed.Text == line
            ? [packed]
            : Break(packed.Text, packed.Depth));
    }

    private static bool Fits(string text, int depth) => depth * IndentWidth + text.Length < MaxLength;

    /// <summary>
    /// A comment's words, as many a line as fit, each line starting with the comment's own marker and the spaces
    /// after it; a plain comment's continuations two spaces further in, under the text they continue.
    /// </summary>
    private static IEnumerable<(int, string)> BreakComment(string line, int depth)
    {
        int text = line.TakeWhile(c => c == '/').Count();
        text += line.Skip(text).TakeWhile(c => c == ' ').Count();
        string marker = line.Substring(0, text);
        string continuation = line.StartsWith("///") ? marker : marker + "  ";
        var lines = new List<(int, string)>();
        string prefix = marker;
        var words = new List<string>();
        foreach (string word in Words(line.Substring(text)))
        {
            if (words.Count > 0 && !Fits(prefix + string.Join(" ", words) + " " + word, depth))
            {
                lines.Add((depth, prefix + string.Join(" ", words)));
                words.Clear();
                prefix = continuation;
            }
            words.Add(word);
        }
        lines.Add((depth, prefix + string.Join(" ", words)));
        return lines;
    }

    /// <summary>A comment's words: its text split at spaces outside an XML tag, which stays whole.</summary>
    private static IEnumerable<string> Words(string text)
    {
        int start = 0;
        bool inTag = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
                inTag = true;
            else if (text[i] == '>')
                inTag = false;
            else if (text[i] == ' ' && !inTag)
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }
        yield return text.Substring(start);
    }

    /// <summary>Every line of <paramref name="source"/> broken where it is too long, at the depth its indentation gives.</summary>
    public static string BreakAll(string source)
    {
        var text = new StringBuilder(source.Length);
        foreach (string line in source.Split('\n'))
            foreach ((int depth, string piece) in Break(line, 0))
                text.Append(' ', depth * IndentWidth).Append(piece).Append('\n');
        return text.ToString(0, text.Length - 1);
    }

    /// <summary>
    /// The first piece, then each continuation: the line cut before each operator outside every bracket and
    /// string, of the loosest kind that occurs (so <c>a ? b + c : d</c> breaks at <c>?</c> and <c>:</c>, not
    /// inside the branches), or null when there is none. A colon counts only beside a question mark, so that
    /// a base list or a label stays whole.
    /// </summary>
    private static List<string>? OperatorPieces(string line, out bool conditional)
    {
        conditional = false;
        foreach (string[] kind in OperatorKinds)
        {
            var cuts = TopLevel(line).Where(i => kind.Any(op => At(line, i, op))).ToList();
            if (cuts.Count == 0 || (kind[0] == " ? " && !cuts.Any(i => At(line, i, " ? "))))
                continue;
            var pieces = new List<string>();
            int start = 0;
            foreach (int cut in cuts)
            {
                pieces.Add(line.Substring(start, cut - start));
                start = cut + 1;
            }
            pieces.Add(line.Substring(start));
            conditional = kind[0] == " ? ";
            return pieces;
        }
        return null;
    }

    private static bool At(string line, int index, string op) => string.CompareOrdinal(line, index, op, 0, op.Length) == 0;

    /// <summary>
    /// The line up to the opening parenthesis of its longest call outside every bracket, then that call's
    /// arguments, the last with the rest of the line; a call of one argument gives that argument alone.
    /// </summary>
    private static List<string>? ArgumentPieces(string line)
    {
        (int open, int close) = OutermostGroups(line).OrderByDescending(g => g.Close - g.Open).FirstOrDefault();
        if (close - open < 2)
            return null;
        var pieces = new List<string> { line.Substring(0, open + 1) };
        int start = open + 1;
        foreach (int comma in TopLevel(line, open + 1, close).Where(i => line[i] == ','))
        {
            pieces.Add(line.Substring(start, comma + 1 - start).Trim());
            start = comma + 1;
        }
        pieces.Add(line.Substring(start).Trim());
        return pieces;
    }

    /// <summary>
    /// The first piece at <paramref name="depth"/>, the rest one level deeper, joined by spaces as far as each line
    /// fits; a conditional's branches each on a line of its own.
    /// </summary>
    private static IEnumerable<(int Depth, string Text)> Pack(List<string> pieces, int depth, bool oneALine)
    {
        var lines = new List<(int, string)> { (depth, pieces[0].TrimEnd()) };
        string current = "";
        foreach (string piece in pieces.Skip(1).Select(p => p.Trim()))
        {
            if (current.Length > 0 && (oneALine || !Fits(current + " " + piece, depth + 1)))
            {
                lines.Add((depth + 1, current));
                current = "";
            }
            current = current.Length > 0 ? current + " " + piece : piece;
        }
        lines.Add((depth + 1, current));
        return lines;
    }

    /// <summary>The parenthesized or braced groups (argument lists, initializers) that no bracket encloses: their opening and closing positions.</summary>
    private static IEnumerable<(int Open, int Close)> OutermostGroups(string line)
    {
        int open = -1;
        foreach ((int index, int depth) in Scan(line, 0, line.Length))
        {
            if (line[index] is '(' or '{' && depth == 0)
                open = index;
            else if (line[index] is ')' or '}' && depth == 0 && open >= 0)
            {
                yield return (open, index);
                open = -1;
            }
        }
    }

    private static IEnumerable<int> TopLevel(string line) => TopLevel(line, 0, line.Length);

    /// <summary>Positions in [start, end) outside every bracket and string, counting from <paramref name="start"/>'s level.</summary>
    private static IEnumerable<int> TopLevel(string line, int start, int end) =>
        Scan(line, start, end).Where(p => p.Depth == 0 && line[p.Index] is not ('(' or '[' or '{')).Select(p => p.Index);

    /// <summary>Each position outside string and character literals, with the number of brackets open before it.</summary>
    private static IEnumerable<(int Index, int Depth)> Scan(string line, int start, int end)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = start; i < end; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '"' or '\'')
            {
                quote = c;
                continue;
            }
            if (c is ')' or ']' or '}')
                depth--;
            yield return (i, depth);
            if (c is '(' or '[' or '{')
                depth++;
        }
    }
}
