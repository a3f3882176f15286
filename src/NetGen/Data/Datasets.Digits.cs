using System.IO;
using System.Numerics;

namespace NetGen;

public static partial class Datasets
{
    private const string DigitsFile = "digits.csv.gz";
    private const int DigitsSampleCount = 1797, DigitsPixelCount = 64;

    /// <summary>
    /// The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", as redistributed by
    /// scikit-learn, BSD-3-Clause; shipped inside NetGen.dll): 1,797 samples of 64 features, the pixels
    /// row by row, each a count from 0 to 16 of the set pixels in a 4×4 block of the original 32×32
    /// bitmap, and labels 0 to 9 (about 180 of each). The features are as given, not scaled: scale them
    /// before training, for example with <see cref="Standardization{T}"/> or by dividing by 16.
    /// Each call returns a new copy, which the caller may change.
    /// </summary>
    public static Dataset<T> Digits<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        string source = EmbeddedResources.DisplayName(DigitsFile);
        using var reader = new StreamReader(CompressedInput.Decompressed(EmbeddedResources.Open(DigitsFile)));
        Dataset<T> digits = CsvParser.Read<T>(reader, source, labelColumn: -1, targetColumns: null, hasHeader: false, separator: ',');
        if (digits.Count != DigitsSampleCount || digits.FeatureCount != DigitsPixelCount)
            throw new InvalidDataException(
                $"{source} holds {digits.Count} samples of {digits.FeatureCount} features: expected {DigitsSampleCount} of {DigitsPixelCount}.");
        return digits;
    }
}
