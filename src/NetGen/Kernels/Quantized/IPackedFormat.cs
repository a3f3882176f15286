namespace NetGen.Kernels;

/// <summary>A 16-bit float format that <see cref="PackedProducts"/> reads: its conversions and its decoder at each width.</summary>
internal interface IPackedFormat
{
    /// <summary>The format's name, as <see cref="WeightFormat"/> spells it.</summary>
    static abstract string Name { get; }

    /// <summary>The format's nearest value to <paramref name="value"/>, ties to even; an infinity where it overflows.</summary>
    static abstract ushort FromSingle(float value);

    /// <summary>The float <paramref name="bits"/> stands for, exactly.</summary>
    static abstract float ToSingle(ushort bits);
}
