using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;

namespace NetGen;

/// <summary>
/// Turns delimited text into a <see cref="Dataset{T}"/>: one sample a line, one value a cell, one
/// column (or a few) taken as the label (or targets) and the rest as features. Used by
/// <see cref="Datasets.ReadCsv{T}(string, int, bool, char)"/> and by the embedded data sets, so that a
/// bad cell is reported the same way wherever it comes from.
/// </summary>
internal static class CsvParser
{
    /// <summary>How a column is used: a feature, the label, or (0 and above) the target at that place in a target row.</summary>
    private const int FeatureRole = -1, LabelRole = -2;

    /// <summary>How much of a bad cell a message quotes, so that a runaway line does not flood it.</summary>
    private const int QuotedTextLimit = 40;

    /// <summary>
    /// Reads every non-blank line of <paramref name="reader"/> (after a header line, if
    /// <paramref name="hasHeader"/>) as one sample. A line holds at most
    /// <see cref="CsvLineReader.MaxLineLength"/> characters, and none of them NUL. With <paramref name="targetColumns"/> null the
    /// sample's label is the integer in <paramref name="labelColumn"/>; otherwise its target row is the
    /// numbers in <paramref name="targetColumns"/>, in that order. Negative column indices count from
    /// the end (−1 is the last). <paramref name="source"/> names the text in messages, and
    /// <paramref name="linesBefore"/> is how many lines of it were read before <paramref name="reader"/>'s
    /// first, so that line numbers match the file.
    /// </summary>
    internal static Dataset<T> Read<T>(
        TextReader reader, string source, int labelColumn, IReadOnlyList<int>? targetColumns,
        bool hasHeader, char separator, int linesBefore = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var features = new List<T>();
        var labels = new List<int>();
        var targets = new List<T>();
        var lines = new CsvLineReader(reader, source, linesBefore);
        bool headerPending = hasHeader;
        int columnCount = 0, firstSampleLine = 0;
        int[] roles = [];
        T[] targetRow = [];

        while (lines.TryReadLine(out ReadOnlySpan<char> text))
        {
            int lineNumber = lines.LineNumber;
            CheckNoNul(text, source, lineNumber, separator);
            if (text.IsWhiteSpace())
                continue;
            if (headerPending)
            {
                headerPending = false;
                continue;
            }

            int cells = text.Count(separator) + 1;
            if (columnCount == 0)
            {
                (columnCount, firstSampleLine) = (cells, lineNumber);
                roles = AssignRoles(source, columnCount, firstSampleLine, labelColumn, targetColumns);
                targetRow = new T[targetColumns?.Count ?? 0];
            }
            else if (cells != columnCount)
            {
                throw new InvalidDataException(
                    $"{source}, line {lineNumber}: {cells} columns: expected {columnCount}, as on line {firstSampleLine}.");
            }

            int column = 0;
            foreach (Range range in text.Split(separator))
            {
                ReadOnlySpan<char> cell = text[range];
                int role = roles[column];
                if (role == LabelRole)
                    labels.Add(ParseLabel(cell, source, lineNumber, column + 1));
                else if (role == FeatureRole)
                    features.Add(ParseNumber<T>(cell, source, lineNumber, column + 1));
                else
                    targetRow[role] = ParseNumber<T>(cell, source, lineNumber, column + 1);
                column++;
            }
            targets.AddRange(targetRow);
        }

        if (columnCount == 0)
            throw new InvalidDataException($"{source} holds no samples: every line{(hasHeader ? " after the header" : "")} is blank.");
        int featureCount = Array.FindAll(roles, role => role == FeatureRole).Length;
        return targetColumns is null
            ? new Dataset<T>(features.ToArray(), featureCount, labels.ToArray())
            : new Dataset<T>(features.ToArray(), featureCount, targets.ToArray(), targetRow.Length);
    }

    /// <summary>
    /// Number parsing skips trailing NUL characters ("2\0" reads as 2), so a binary file or a bomb of
    /// zeros could pass for numbers: a NUL anywhere is an error.
    /// </summary>
    private static void CheckNoNul(ReadOnlySpan<char> text, string source, int line, char separator)
    {
        int nul = text.IndexOf('\0');
        if (nul >= 0)
            throw new InvalidDataException(
                $"{source}, line {line}, column {text[..nul].Count(separator) + 1}: a NUL character at character {nul + 1}: expected text (is this a binary file?).");
    }

    /// <summary>The role of each column, once the first sample has told how many there are.</summary>
    private static int[] AssignRoles(string source, int columnCount, int line, int labelColumn, IReadOnlyList<int>? targetColumns)
    {
        var roles = new int[columnCount];
        Array.Fill(roles, FeatureRole);
        if (targetColumns is null)
        {
            roles[Resolve(labelColumn, "labelColumn", source, columnCount, line)] = LabelRole;
        }
        else
        {
            for (int k = 0; k < targetColumns.Count; k++)
            {
                int column = Resolve(targetColumns[k], "targetColumns", source, columnCount, line);
                if (roles[column] != FeatureRole)
                    throw new ArgumentException(
                        $"'targetColumns' names column index {column} twice (as {targetColumns[roles[column]]} and {targetColumns[k]}): expected each column once.",
                        nameof(targetColumns));
                roles[column] = k;
            }
        }
        if (Array.IndexOf(roles, FeatureRole) < 0)
            throw new ArgumentException(
                $"{source} has {columnCount} column{(columnCount == 1 ? "" : "s")} on line {line}, all of them taken by the label or targets: expected at least one feature column.",
                targetColumns is null ? "labelColumn" : "targetColumns");
        return roles;
    }

    private static int Resolve(int column, string parameter, string source, int columnCount, int line)
    {
        int resolved = column < 0 ? columnCount + column : column;
        if ((uint)resolved >= (uint)columnCount)
            throw new ArgumentOutOfRangeException(parameter, column,
                $"{source} has {columnCount} columns on line {line}: expected a column index from 0 to {columnCount - 1}, or from -{columnCount} to -1 counting from the end.");
        return resolved;
    }

    private static T ParseNumber<T>(ReadOnlySpan<char> cell, string source, int line, int column)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (!T.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out T value))
            throw BadCell(source, line, column, cell, "a number");
        // "NaN" and "Infinity" parse, but as a feature they would poison every gradient they reach.
        if (!T.IsFinite(value))
            throw BadCell(source, line, column, cell, "a finite number");
        return value;
    }

    private static int ParseLabel(ReadOnlySpan<char> cell, string source, int line, int column)
    {
        if (!int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int label) || label < 0)
            throw BadCell(source, line, column, cell, "a class label (a whole number, 0 or above)");
        return label;
    }

    private static InvalidDataException BadCell(string source, int line, int column, ReadOnlySpan<char> cell, string expected)
    {
        string problem = cell.IsWhiteSpace()
            ? $"the cell is empty: expected {expected}."
            : $"'{Quote(cell)}' is not {expected}.";
        return new InvalidDataException($"{source}, line {line}, column {column}: {problem}");
    }

    private static string Quote(ReadOnlySpan<char> cell) =>
        cell.Length <= QuotedTextLimit ? cell.ToString() : string.Concat(cell[..QuotedTextLimit], "…");
}
