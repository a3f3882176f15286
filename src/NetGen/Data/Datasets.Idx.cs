using System;
using System.IO;
using System.Numerics;

namespace NetGen;

public static partial class Datasets
{
    /// <summary>
    /// Reads images and their labels from a pair of IDX files, the format of MNIST and its drop-ins
    /// such as Fashion-MNIST: the images file holds magic number 0x00000803, then big-endian 32-bit
    /// counts of images, rows and columns, then one unsigned byte a pixel, image by image, row by row;
    /// the labels file holds magic number 0x00000801, the big-endian 32-bit label count, then one
    /// byte a label. Either file may be gzip-compressed, whatever its name (told by its first two
    /// bytes). Each image becomes a sample of rows × columns features, row-major; a pixel p becomes
    /// <c>p / 255</c>, from 0 to 1, with <paramref name="scale"/>, else p itself, from 0 to 255.
    /// Labels are taken as they are (any byte value). Both headers are read and checked before the
    /// pixels and labels, from the first bytes of each file (decompressed), and then exactly the
    /// bytes they declare: a compressed file is never inflated past what its header promises.
    /// </summary>
    /// <param name="imagesPath">The images file (idx3-ubyte).</param>
    /// <param name="labelsPath">The labels file (idx1-ubyte).</param>
    /// <param name="scale">Whether to divide each pixel by 255.</param>
    /// <exception cref="InvalidDataException">
    /// A file is malformed: a wrong magic number, a truncated header or truncated data, bytes past
    /// the end its header gives, sizes beyond what an array holds (more than
    /// <see cref="Array.MaxLength"/> pixels in all or in one image), compressed data that is corrupt or
    /// cut short, or image and label counts that differ. The message names the file and the byte
    /// position (in the decompressed data for a compressed file).
    /// </exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static Dataset<T> ReadIdx<T>(string imagesPath, string labelsPath, bool scale = true)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // Both headers before either body, so that a pair that cannot match costs no pixels.
        using IdxFile imagesFile = IdxFile.Open(imagesPath);
        IdxReader.ImagesHeader images = IdxReader.ReadImagesHeader(imagesFile);
        using IdxFile labelsFile = IdxFile.Open(labelsPath);
        int labelCount = IdxReader.ReadLabelsHeader(labelsFile);
        if (labelCount != images.Count)
            throw new InvalidDataException(
                $"{imagesPath} holds {images.Count} images but {labelsPath} holds {labelCount} labels (the counts at byte 4 of each): expected one label an image.");
        ReadOnlySpan<byte> pixels = IdxReader.ReadElements(imagesFile, IdxReader.ImagesHeaderLength, images.PixelCount, images.Contents);
        ReadOnlySpan<byte> labelBytes = IdxReader.ReadElements(labelsFile, IdxReader.LabelsHeaderLength, labelCount, $"{labelCount} labels");

        // 256 possible pixels: convert each once, so that every pixel costs one look-up and value/255 is rounded once.
        var pixelValue = new T[256];
        for (int p = 0; p < pixelValue.Length; p++)
            pixelValue[p] = scale ? T.CreateChecked(p) / T.CreateChecked(255) : T.CreateChecked(p);

        var features = new T[pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
            features[i] = pixelValue[pixels[i]];
        var labels = new int[labelBytes.Length];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = labelBytes[i];
        return new Dataset<T>(features, images.Rows * images.Columns, labels);
    }
}
