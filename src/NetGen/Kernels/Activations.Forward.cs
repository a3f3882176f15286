using System;
using System.ComponentModel;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>Activation functions applied in place over a batch of layer outputs.</summary>
/// <remarks>
/// Part of the internal contract between NetGen's generator and the runtime of the same version
/// (docs/generated-code-contract.md): generated code uses it. It is not an API to call, and it
/// changes with any version, without notice.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class Activations
{
    /// <summary><c>v = 1 / (1 + e⁻ᵛ)</c>, within 1 ulp (<see cref="FastMath"/>).</summary>
    public static void Sigmoid<T>(Span<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => FastMath.Sigmoid<T>(values, values);

    /// <summary><c>v = tanh v</c>, within 1 ulp (<see cref="FastMath"/>).</summary>
    public static void Tanh<T>(Span<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => FastMath.Tanh<T>(values, values);

    /// <summary><c>v = max(v, 0)</c>.</summary>
    public static void ReLU<T>(Span<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, ReLUOperator<T>>(values);

    /// <summary><c>v = v &gt; 0 ? v : 0.01·v</c>.</summary>
    public static void LeakyReLU<T>(Span<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, LeakyReLUOperator<T>>(values);

    /// <summary>
    /// <c>v[s, j] = e^(v[s, j] − m) / Σₖ e^(v[s, k] − m)</c> for each row s of <paramref name="size"/>
    /// values, with m the row's maximum so that no exponent overflows.
    /// </summary>
    public static void Softmax<T>(Span<T> values, int batch, int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(values, batch * size, nameof(values));
        for (int s = 0; s < batch; s++)
        {
            Span<T> row = values.Slice(s * size, size);
            if (size >= ShortRow<T>())
            {
                T sum = ExponentiateShifted(row, row, RowMax(row));
                TensorPrimitives.Divide(row, sum, row);
                continue;
            }
            // A short row in one scalar pass each for the maximum, the exponentials and the division.
            T max = row[0];
            for (int j = 1; j < row.Length; j++)
                max = T.Max(max, row[j]);
            T total = T.Zero;
            for (int j = 0; j < row.Length; j++)
                total += row[j] = T.Exp(row[j] - max);
            for (int j = 0; j < row.Length; j++)
                row[j] /= total;
        }
    }

    /// <summary>The largest value of a row.</summary>
    internal static T RowMax<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (row.Length >= ShortRow<T>())
            return TensorPrimitives.Max(row);
        T max = row[0];
        for (int j = 1; j < row.Length; j++)
            max = T.Max(max, row[j]);
        return max;
    }

    /// <summary>Writes <c>e^(row − shift)</c> to <paramref name="destination"/> and returns its sum.</summary>
    internal static T ExponentiateShifted<T>(ReadOnlySpan<T> row, Span<T> destination, T shift) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (row.Length >= ShortRow<T>())
        {
            TensorPrimitives.Subtract(row, shift, destination);
            FastMath.Exp<T>(destination, destination);
            return TensorPrimitives.Sum<T>(destination);
        }
        T sum = T.Zero;
        for (int j = 0; j < row.Length; j++)
            sum += destination[j] = T.Exp(row[j] - shift);
        return sum;
    }

    // Below two vectors a row is cheaper in scalar code than in a series of vectorized passes.
    private static int ShortRow<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T> => 2 * Vector<T>.Count;

    internal readonly struct ReLUOperator<T> : IUnaryOperator<T>, IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T x) => x > T.Zero ? x : T.Zero;
        public static Vector<T> Invoke(Vector<T> x) => Vector.Max(x, Vector<T>.Zero);
        public static Vector128<T> Invoke(Vector128<T> x) => Vector128.Max(x, Vector128<T>.Zero);
        public static Vector256<T> Invoke(Vector256<T> x) => Vector256.Max(x, Vector256<T>.Zero);
        public static Vector512<T> Invoke(Vector512<T> x) => Vector512.Max(x, Vector512<T>.Zero);
    }

    internal readonly struct LeakyReLUOperator<T> : IUnaryOperator<T>, IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static readonly T s_slope = T.CreateChecked(Initializers.LeakyReLUSlope);
        public static T Invoke(T x) => x > T.Zero ? x : x * s_slope;
        public static Vector<T> Invoke(Vector<T> x) =>
            Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), x, x * new Vector<T>(s_slope));
        public static Vector128<T> Invoke(Vector128<T> x) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<T>.Zero), x, x * Vector128.Create(s_slope));
        public static Vector256<T> Invoke(Vector256<T> x) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<T>.Zero), x, x * Vector256.Create(s_slope));
        public static Vector512<T> Invoke(Vector512<T> x) =>
            Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<T>.Zero), x, x * Vector512.Create(s_slope));
    }

    /// <summary>The identity, for a layer without activation.</summary>
    internal readonly struct IdentityOperator<T> : IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T x) => x;
        public static Vector128<T> Invoke(Vector128<T> x) => x;
        public static Vector256<T> Invoke(Vector256<T> x) => x;
        public static Vector512<T> Invoke(Vector512<T> x) => x;
    }
}
