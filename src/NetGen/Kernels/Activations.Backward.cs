using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

public static partial class Activations
{
    // Each derivative is written in terms of the activation's output a, which the forward pass keeps.

    /// <summary><c>d = d·a·(1 − a)</c>, the chain rule through a sigmoid whose output is a.</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, SigmoidDerivative<T>>(a, d);

    /// <summary><c>d = d·(1 − a²)</c>, the chain rule through a tanh whose output is a.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, TanhDerivative<T>>(a, d);

    /// <summary><c>d = a &gt; 0 ? d : 0</c> (the derivative at 0 taken as 0, as PyTorch).</summary>
    public static void ReLUBackward<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, ReLUDerivative<T>>(a, d);

    /// <summary><c>d = a &gt; 0 ? d : 0.01·d</c>.</summary>
    public static void LeakyReLUBackward<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => Elementwise.Apply<T, LeakyReLUDerivative<T>>(a, d);

    /// <summary>
    /// <c>d[s, j] = a[s, j]·(d[s, j] − Σₖ a[s, k]·d[s, k])</c>, the softmax Jacobian applied to each row
    /// (used when Softmax meets a loss other than CrossEntropy).
    /// </summary>
    public static void SoftmaxBackward<T>(ReadOnlySpan<T> a, Span<T> d, int batch, int size) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(a, batch * size, nameof(a));
        Checks.Length(d, batch * size, nameof(d));
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<T> aRow = a.Slice(s * size, size);
            Span<T> dRow = d.Slice(s * size, size);
            T dot = TensorPrimitives.Dot(aRow, dRow);
            TensorPrimitives.Subtract(dRow, dot, dRow);
            TensorPrimitives.Multiply(dRow, aRow, dRow);
        }
    }

    // Each derivative also has a Vector256 form, for the small-layer kernels that apply it along one
    // input row (Dense.BackwardVectorRows); every form runs the same operations.

    /// <summary>The derivative of the identity: <c>d</c> unchanged.</summary>
    internal readonly struct IdentityDerivative<T> : IDerivativeOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T a, T d) => d;
        public static Vector<T> Invoke(Vector<T> a, Vector<T> d) => d;
        public static Vector256<T> Invoke(Vector256<T> a, Vector256<T> d) => d;
    }

    internal readonly struct SigmoidDerivative<T> : IDerivativeOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T a, T d) => d * a * (T.One - a);
        public static Vector<T> Invoke(Vector<T> a, Vector<T> d) => d * a * (Vector<T>.One - a);
        public static Vector256<T> Invoke(Vector256<T> a, Vector256<T> d) => d * a * (Vector256<T>.One - a);
    }

    internal readonly struct TanhDerivative<T> : IDerivativeOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T a, T d) => d * (T.One - a * a);
        public static Vector<T> Invoke(Vector<T> a, Vector<T> d) => d * (Vector<T>.One - a * a);
        public static Vector256<T> Invoke(Vector256<T> a, Vector256<T> d) => d * (Vector256<T>.One - a * a);
    }

    internal readonly struct ReLUDerivative<T> : IDerivativeOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public static T Invoke(T a, T d) => a > T.Zero ? d : T.Zero;
        public static Vector<T> Invoke(Vector<T> a, Vector<T> d) =>
            Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<T>.Zero), d, Vector<T>.Zero);
        public static Vector256<T> Invoke(Vector256<T> a, Vector256<T> d) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<T>.Zero), d, Vector256<T>.Zero);
    }

    internal readonly struct LeakyReLUDerivative<T> : IDerivativeOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static readonly T s_slope = T.CreateChecked(Initializers.LeakyReLUSlope);
        public static T Invoke(T a, T d) => a > T.Zero ? d : d * s_slope;
        public static Vector<T> Invoke(Vector<T> a, Vector<T> d) =>
            Vector.ConditionalSelect(Vector.GreaterThan(a, Vector<T>.Zero), d, d * new Vector<T>(s_slope));
        public static Vector256<T> Invoke(Vector256<T> a, Vector256<T> d) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<T>.Zero), d, d * Vector256.Create(s_slope));
    }
}
