using System;

namespace NetGen;

/// <summary>
/// A small, fully specified random generator, so that a seed gives the same numbers on every
/// machine and every .NET version (unlike <see cref="System.Random"/>, whose algorithm may change).
/// The state is four 64-bit words filled by SplitMix64 from the seed; numbers come from
/// xoshiro256** (Blackman and Vigna, 2018). Normals use the Box–Muller transform.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Seeds the state with four successive SplitMix64 outputs starting from <paramref name="seed"/>.</summary>
    public SeededRandom(long seed)
    {
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Starts from an explicit xoshiro256** state, which must not be all zero.</summary>
    public SeededRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>
    /// The whole state, as a checkpoint stores it: the four xoshiro256** words, then the spare normal draw's
    /// bits and whether it is held.
    /// </summary>
    internal ulong[] State
    {
        get => [_s0, _s1, _s2, _s3, (ulong)BitConverter.DoubleToInt64Bits(_spareNormal), _hasSpareNormal ? 1UL : 0UL];
        set
        {
            if (value is not { Length: 6 } || (value[0] | value[1] | value[2] | value[3]) == 0 || value[5] > 1)
                throw new ArgumentException("Expected the six words of a generator's state, the first four not all zero and the last 0 or 1.", nameof(value));
            (_s0, _s1, _s2, _s3) = (value[0], value[1], value[2], value[3]);
            (_spareNormal, _hasSpareNormal) = (BitConverter.Int64BitsToDouble((long)value[4]), value[5] == 1);
        }
    }

    /// <summary>Takes the whole state of <paramref name="other"/>, so that both draw the same numbers from here on.</summary>
    public void CopyFrom(SeededRandom other)
    {
        ArgumentNullException.ThrowIfNull(other);
        (_s0, _s1, _s2, _s3) = (other._s0, other._s1, other._s2, other._s3);
        (_spareNormal, _hasSpareNormal) = (other._spareNormal, other._hasSpareNormal);
    }

    /// <summary>SplitMix64: <c>x += 0x9E3779B97F4A7C15</c>, then two xor-shift-multiply rounds.</summary>
    public static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 bits: xoshiro256**, <c>rotl(s1·5, 7)·9</c>, then the state update.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A double uniform in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), by Lemire's unbiased multiply-and-reject.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The bound must be positive.");
        ulong bound = (ulong)maxExclusive;
        while (true)
        {
            ulong r = NextUInt64() >> 32;
            ulong product = r * bound;
            if ((uint)product >= (uint)((1UL << 32) % bound))
                return (int)(product >> 32);
        }
    }

    /// <summary>
    /// A standard normal by Box–Muller: <c>√(−2 ln u₁)·cos(2πu₂)</c>, with <c>u₁ = 1 − NextDouble()</c>
    /// so that it is never zero; the matching sine value is returned by the next call.
    /// </summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Shuffles <paramref name="items"/> in place by Fisher–Yates, drawing with <see cref="NextInt"/> from the last position down.</summary>
    public void Shuffle<TItem>(Span<TItem> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The numbers 0 to <paramref name="count"/> − 1 in an order shuffled by <paramref name="random"/>.</summary>
    public static int[] Permutation(int count, SeededRandom random)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        random.Shuffle<int>(order);
        return order;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
