using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;

namespace NetGen;

public static partial class Datasets
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the four Fashion-MNIST files.</summary>
    public const string DefaultFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    private static readonly IReadOnlyList<string> s_fashionMnistClassNames = Array.AsReadOnly(
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

    /// <summary>The names of the Fashion-MNIST classes, indexed by label, as Zalando Research gives them.</summary>
    public static IReadOnlyList<string> FashionMnistClassNames => s_fashionMnistClassNames;

    /// <summary>
    /// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), the drop-in for MNIST made of Zalando's article
    /// images: 60,000 training or 10,000 test samples of 28×28 = 784 features, pixels scaled to
    /// <c>p / 255</c> as in <see cref="ReadIdx{T}"/>, and labels 0 to 9 (see
    /// <see cref="FashionMnistClassNames"/>). Reads <c>train-images-idx3-ubyte</c> and
    /// <c>train-labels-idx1-ubyte</c>, or <c>t10k-…</c> for the test set, from
    /// <paramref name="directory"/>, each gzip-compressed (<c>.gz</c>, as shipped) or not, and also under
    /// the names with a dot, such as <c>train-images.idx3-ubyte</c>, that some copies use.
    /// </summary>
    /// <param name="directory">The directory holding the files; by default <see cref="DefaultFashionMnistDirectory"/>.</param>
    /// <param name="training">Whether to read the training set rather than the test set.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to get the files.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, as in <see cref="ReadIdx{T}"/>.</exception>
    public static Dataset<T> FashionMnist<T>(string? directory = null, bool training = true)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        directory ??= DefaultFashionMnistDirectory;
        string set = training ? "train" : "t10k";
        string imagesPath = FindIdxFile(directory, set, "images", 3, training);
        string labelsPath = FindIdxFile(directory, set, "labels", 1, training);
        return ReadIdx<T>(imagesPath, labelsPath, scale: true);
    }

    private static string FindIdxFile(string directory, string set, string contents, int dimensions, bool training)
    {
        string[] candidates =
        [
            $"{set}-{contents}-idx{dimensions}-ubyte.gz",
            $"{set}-{contents}-idx{dimensions}-ubyte",
            $"{set}-{contents}.idx{dimensions}-ubyte.gz",
            $"{set}-{contents}.idx{dimensions}-ubyte",
        ];
        foreach (string candidate in candidates)
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException(
            $"Fashion-MNIST's {(training ? "training" : "test")} {contents} are not in '{directory}': looked for "
            + string.Join(", ", candidates.Select(name => $"'{name}'"))
            + $". On Debian or Ubuntu, 'sudo apt-get install dataset-fashion-mnist' puts the four IDX files in {DefaultFashionMnistDirectory};"
            + " elsewhere, download them from https://github.com/zalandoresearch/fashion-mnist and pass the directory that holds them.",
            Path.Combine(directory, candidates[0]));
    }
}
