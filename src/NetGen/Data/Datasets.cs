using System;
using System.Numerics;

namespace NetGen;

/// <summary>Makes the data sets of the material: the spiral, and the truth tables of AND, OR and XOR.</summary>
public static partial class Datasets
{
    /// <summary>
    /// Interleaved spirals, one arm per class (after cs231n's spiral data). Point i of class c, for
    /// i &lt; <paramref name="pointsPerClass"/> = N, has radius <c>r = i/N</c> and angle
    /// <c>θ = 4c + 4i/N + noise·n</c> with n a standard normal, and sits at <c>(r·sin θ, r·cos θ)</c>.
    /// Samples come class by class; the normals come from a <see cref="SeededRandom"/> of <paramref name="seed"/>.
    /// </summary>
    public static Dataset<T> Spiral<T>(int pointsPerClass = 100, int classes = 3, double noise = 0.2, int seed = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (pointsPerClass <= 0)
            throw new ArgumentOutOfRangeException(nameof(pointsPerClass), pointsPerClass, "Expected at least 1 point a class.");
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "Expected at least 1 class.");
        var random = new SeededRandom(seed);
        var features = new T[pointsPerClass * classes * 2];
        var labels = new int[pointsPerClass * classes];
        for (int c = 0; c < classes; c++)
        {
            for (int i = 0; i < pointsPerClass; i++)
            {
                int sample = c * pointsPerClass + i;
                double radius = (double)i / pointsPerClass;
                double angle = 4.0 * c + 4.0 * i / pointsPerClass + noise * random.NextNormal();
                features[2 * sample] = T.CreateChecked(radius * Math.Sin(angle));
                features[2 * sample + 1] = T.CreateChecked(radius * Math.Cos(angle));
                labels[sample] = c;
            }
        }
        return new Dataset<T>(features, 2, labels);
    }

    /// <summary>The four rows (0,0), (0,1), (1,0), (1,1) labelled with x₁ XOR x₂.</summary>
    public static Dataset<T> Xor<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TruthTable<T>((a, b) => a ^ b);

    /// <summary>The four rows (0,0), (0,1), (1,0), (1,1) labelled with x₁ AND x₂.</summary>
    public static Dataset<T> And<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TruthTable<T>((a, b) => a & b);

    /// <summary>The four rows (0,0), (0,1), (1,0), (1,1) labelled with x₁ OR x₂.</summary>
    public static Dataset<T> Or<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => TruthTable<T>((a, b) => a | b);

    private static Dataset<T> TruthTable<T>(Func<int, int, int> function) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var features = new T[8];
        var labels = new int[4];
        for (int row = 0; row < 4; row++)
        {
            int a = row >> 1, b = row & 1;
            features[2 * row] = T.CreateChecked(a);
            features[2 * row + 1] = T.CreateChecked(b);
            labels[row] = function(a, b);
        }
        return new Dataset<T>(features, 2, labels);
    }
}
