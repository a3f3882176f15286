using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;

namespace NetGen;

public static partial class Datasets
{
    private const string IrisFile = "iris.csv";

    private static readonly Lazy<IrisHeader> s_irisHeader = new(() =>
    {
        using var reader = new StreamReader(EmbeddedResources.Open(IrisFile));
        return IrisHeader.Read(reader, EmbeddedResources.DisplayName(IrisFile));
    });

    /// <summary>
    /// The names of the iris classes, indexed by label: <c>setosa</c>, <c>versicolor</c>, <c>virginica</c>
    /// (as the data file's first line gives them).
    /// </summary>
    public static IReadOnlyList<string> IrisClassNames => s_irisHeader.Value.ClassNames;

    /// <summary>
    /// Fisher's iris flowers (1936; shipped inside NetGen.dll, from scikit-learn's copy, BSD-3-Clause):
    /// 150 samples of 4 features in centimetres, sepal length, sepal width, petal length, petal
    /// width, and labels 0 to 2 (see <see cref="IrisClassNames"/>), 50 of each, in label order. The
    /// features are as measured, not scaled. Each call returns a new copy, which the caller may change.
    /// </summary>
    public static Dataset<T> Iris<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        string source = EmbeddedResources.DisplayName(IrisFile);
        using var reader = new StreamReader(EmbeddedResources.Open(IrisFile));
        IrisHeader header = IrisHeader.Read(reader, source);
        Dataset<T> iris = CsvParser.Read<T>(reader, source, labelColumn: -1, targetColumns: null, hasHeader: false, separator: ',', linesBefore: 1);
        if (iris.Count != header.SampleCount || iris.FeatureCount != header.FeatureCount)
            throw new InvalidDataException(
                $"{source} holds {iris.Count} samples of {iris.FeatureCount} features: expected {header.SampleCount} of {header.FeatureCount}, as its first line says.");
        int sample = Array.FindIndex(iris.Labels!, label => label >= header.ClassNames.Count);
        if (sample >= 0)
            throw new InvalidDataException(
                $"{source} gives sample {sample} label {iris.Labels![sample]}: expected 0 to {header.ClassNames.Count - 1}, one for each class its first line names.");
        return iris;
    }

    /// <summary>The first line of the iris file: the sample count, the feature count, then one name a class.</summary>
    private sealed record IrisHeader(int SampleCount, int FeatureCount, IReadOnlyList<string> ClassNames)
    {
        internal static IrisHeader Read(TextReader reader, string source)
        {
            string[] cells = (reader.ReadLine() ?? "").Split(',');
            if (cells.Length < 3
                || !int.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out int samples)
                || !int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out int features))
                throw new InvalidDataException(
                    $"{source}, line 1: expected the sample count, the feature count, then the class names, as in \"150,4,setosa,versicolor,virginica\".");
            return new IrisHeader(samples, features, Array.AsReadOnly(cells[2..]));
        }
    }
}
