namespace NetGen;

/// <summary>The number format a <see cref="QuantizedNetwork"/> stores its weights in. Biases stay float and every sum is taken in float or in exact integers.</summary>
public enum WeightFormat
{
    /// <summary>
    /// Signed 8-bit integers with one float scale per output (per row of the weight):
    /// <c>w ≈ q·s</c>, <c>s = max|w_row| / 127</c>, <c>q = round(w / s)</c>. Each layer's input is quantized per sample to
    /// 7 bits over its own range (zero exact) and multiplied in integers; a quarter of float's weight bytes.
    /// </summary>
    Int8,

    /// <summary>bfloat16: the upper half of a float, rounded to nearest even; float's range with 8 significant bits. Half of float's weight bytes.</summary>
    BFloat16,

    /// <summary>
    /// float32, every weight as the network holds it, packed once for the products of batches as ONNX Runtime packs a
    /// model's constant weights: on a core with two full-width 512-bit FMA pipes, a batch's product reads the packed
    /// panels where the network's own <c>Forward</c> copies its weights' panels each call. Up to 256 samples are
    /// multiplied together. Up to twice float's weight bytes: the panels beside the rows single samples read.
    /// </summary>
    Float32,
}
