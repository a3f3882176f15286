using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>
/// Sums of a vector's lanes in one order, pairs then pairs of pairs, <c>((x₀ + x₁) + (x₂ + x₃)) + …</c>,
/// four vectors at a time: by horizontal additions where the width has them for floats
/// (<see cref="IVectorWidth{T, TVector}.FloatGroupSums"/>), lane by lane otherwise, the same bits.
/// </summary>
internal static class TreeSums
{
    /// <summary><c>((x₀ + x₁) + (x₂ + x₃)) + ((x₄ + x₅) + (x₆ + x₇))</c>, as far as the width goes (2 to 16 lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T, TVector, TWidth>(TVector p)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        // TWidth.Count is a JIT-time constant: only the branch of this width is compiled.
        T sum = TWidth.GetElement(p, 0) + TWidth.GetElement(p, 1);
        if (TWidth.Count == 2)
            return sum;
        sum += TWidth.GetElement(p, 2) + TWidth.GetElement(p, 3);
        if (TWidth.Count == 4)
            return sum;
        sum += (TWidth.GetElement(p, 4) + TWidth.GetElement(p, 5)) + (TWidth.GetElement(p, 6) + TWidth.GetElement(p, 7));
        if (TWidth.Count == 8)
            return sum;
        return sum + (((TWidth.GetElement(p, 8) + TWidth.GetElement(p, 9)) + (TWidth.GetElement(p, 10) + TWidth.GetElement(p, 11)))
            + ((TWidth.GetElement(p, 12) + TWidth.GetElement(p, 13)) + (TWidth.GetElement(p, 14) + TWidth.GetElement(p, 15))));
    }

    /// <summary><c>destination[k·stride] = Of(p_k) + bias</c> for the four vectors p₀ … p₃.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T, TVector, TWidth>(TVector p0, TVector p1, TVector p2, TVector p3, T bias, ref T destination, nint stride)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        if (typeof(T) == typeof(float) && TWidth.HasFloatGroupSums)
        {
            Vector128<T> biased = TWidth.FloatGroupSums(p0, p1, p2, p3).As<float, T>() + Vector128.Create(bias);
            destination = biased.ToScalar();
            Unsafe.Add(ref destination, stride) = biased.GetElement(1);
            Unsafe.Add(ref destination, 2 * stride) = biased.GetElement(2);
            Unsafe.Add(ref destination, 3 * stride) = biased.GetElement(3);
            return;
        }
        destination = Of<T, TVector, TWidth>(p0) + bias;
        Unsafe.Add(ref destination, stride) = Of<T, TVector, TWidth>(p1) + bias;
        Unsafe.Add(ref destination, 2 * stride) = Of<T, TVector, TWidth>(p2) + bias;
        Unsafe.Add(ref destination, 3 * stride) = Of<T, TVector, TWidth>(p3) + bias;
    }

    /// <summary>
    /// <see cref="Store"/> for two outputs of four rows, interleaved as the rows hold them:
    /// <c>destination[2k] = Of(p_k) + bias0</c> and <c>destination[2k + 1] = Of(q_k) + bias1</c>; two vector
    /// stores instead of eight scalar ones where the sums come four at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StorePairs<T, TVector, TWidth>(TVector p0, TVector p1, TVector p2, TVector p3,
        TVector q0, TVector q1, TVector q2, TVector q3, T bias0, T bias1, ref T destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct
        where TWidth : IVectorWidth<T, TVector>
    {
        if (typeof(T) == typeof(float) && TWidth.HasFloatGroupSums)
        {
            Vector128<float> biased0 = TWidth.FloatGroupSums(p0, p1, p2, p3) + Vector128.Create(float.CreateTruncating(bias0));
            Vector128<float> biased1 = TWidth.FloatGroupSums(q0, q1, q2, q3) + Vector128.Create(float.CreateTruncating(bias1));
            ref float z = ref Unsafe.As<T, float>(ref destination);
            Sse.UnpackLow(biased0, biased1).StoreUnsafe(ref z);
            Sse.UnpackHigh(biased0, biased1).StoreUnsafe(ref z, 4);
            return;
        }
        Store<T, TVector, TWidth>(p0, p1, p2, p3, bias0, ref destination, 2);
        Store<T, TVector, TWidth>(q0, q1, q2, q3, bias1, ref Unsafe.Add(ref destination, 1), 2);
    }
}
