namespace NetGen;

/// <summary>Reduced-precision inference for trained networks.</summary>
public static class NetworkQuantization
{
    /// <summary>A <see cref="QuantizedNetwork"/> of <paramref name="network"/>'s current parameters with weights in <paramref name="format"/>; see <see cref="QuantizedNetwork.From"/>.</summary>
    public static QuantizedNetwork Quantize(this INetwork<float> network, WeightFormat format) => QuantizedNetwork.From(network, format);
}
