using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;

namespace NetGen;

public static partial class Datasets
{
    /// <summary>
    /// Reads a classifier's data set from delimited text: one sample a line, the class label (a whole
    /// number, 0 or above) in column <paramref name="labelColumn"/> and the features in every other
    /// column, in file order. Column indices start at 0; a negative index counts from the end, so the
    /// default −1 is the last column. Numbers are parsed in the invariant culture ("1.5", "2e-3");
    /// blank lines are skipped; cells are not quoted. A line holds at most 1,048,576 characters
    /// (<c>1 &lt;&lt; 20</c>), so that a runaway line, a gzip bomb's for instance, is an error rather
    /// than all the memory there is, and no NUL character. The file may be gzip-compressed (told by its
    /// first two bytes); it is inflated as it is read.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="labelColumn">The index of the label column; negative counts from the end.</param>
    /// <param name="hasHeader">Whether the first non-blank line holds column names, to be skipped.</param>
    /// <param name="separator">The character between cells.</param>
    /// <exception cref="InvalidDataException">
    /// A cell is not a finite number (or, in the label column, not a label), or a line has another
    /// number of columns than the first sample's, or holds a NUL character, or is longer than
    /// 1,048,576 characters, or the file holds no sample, or its compressed data is corrupt or cut
    /// short. The message names the file and the line, and the column where there is one, counted
    /// from 1 as editors do, and quotes the cell.
    /// </exception>
    /// <exception cref="ArgumentException">The label column is outside the file's columns, or is its only column.</exception>
    public static Dataset<T> ReadCsv<T>(string path, int labelColumn = -1, bool hasHeader = false, char separator = ',')
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckSeparator(separator);
        using var reader = OpenText(path);
        return CsvParser.Read<T>(reader, path, labelColumn, targetColumns: null, hasHeader, separator);
    }

    /// <summary>
    /// Reads a regressor's data set from delimited text: one sample a line, its target row made of
    /// the numbers in <paramref name="targetColumns"/> (in that order) and its features of every other
    /// column, in file order. Columns, numbers, blank lines, compression and errors are as in
    /// <see cref="ReadCsv{T}(string, int, bool, char)"/>.
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="targetColumns">The indices of the target columns, each once; negative counts from the end.</param>
    /// <param name="hasHeader">Whether the first non-blank line holds column names, to be skipped.</param>
    /// <param name="separator">The character between cells.</param>
    public static Dataset<T> ReadCsv<T>(string path, IReadOnlyList<int> targetColumns, bool hasHeader = false, char separator = ',')
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(targetColumns);
        if (targetColumns.Count == 0)
            throw new ArgumentException("'targetColumns' is empty: expected at least one target column.", nameof(targetColumns));
        CheckSeparator(separator);
        using var reader = OpenText(path);
        return CsvParser.Read<T>(reader, path, labelColumn: 0, targetColumns, hasHeader, separator);
    }

    private static void CheckSeparator(char separator)
    {
        if (separator is '\n' or '\r' or '\0')
            throw new ArgumentException("The separator cannot be a line break or NUL: expected the character between cells, such as ',' or ';' or '\\t'.", nameof(separator));
    }

    private static StreamReader OpenText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new StreamReader(CompressedInput.Decompressed(File.OpenRead(path)));
    }
}
