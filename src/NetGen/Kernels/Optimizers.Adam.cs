using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Optimizers
{
    /// <summary>
    /// Adam (<paramref name="decoupledWeightDecay"/> false) or AdamW (true) at step t ≥ 1:
    /// AdamW first sets <c>p = p·(1 − lr·λ)</c>, Adam adds <c>λp</c> to the gradient; then
    /// <c>m = m + (1 − β1)(g − m)</c>, <c>v = β2·v + (1 − β2)g²</c> (AMSGrad: <c>v̂ = max(v̂, v)</c>),
    /// <c>p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)</c>.
    /// </summary>
    public static void Adam<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> firstMoment, Span<T> secondMoment,
        Span<T> maxSecondMoment, T learningRate, T beta1, T beta2, T epsilon, T weightDecay,
        bool decoupledWeightDecay, bool amsGrad, long step)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = parameters.Length;
        Checks.Length(gradients, n, nameof(gradients));
        Checks.Length(firstMoment, n, nameof(firstMoment));
        Checks.Length(secondMoment, n, nameof(secondMoment));
        if (amsGrad)
            Checks.Length(maxSecondMoment, n, nameof(maxSecondMoment));
        if (step < 1)
            throw new ArgumentOutOfRangeException(nameof(step), step, "Adam's step count starts at 1.");

        // The bias corrections are scalars, computed in double as PyTorch computes them in Python.
        double lr = double.CreateChecked(learningRate);
        // lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε) is computed as (lr/(1 − β1ᵗ)·√(1 − β2ᵗ)) · m / (√v + ε·√(1 − β2ᵗ)),
        // as PyTorch's capturable Adam rearranges it: one division a parameter instead of two, and
        // square roots and divisions are what bound this loop. It moves a result by a few ulps at most.
        double correction2Root = Math.Sqrt(1.0 - Math.Pow(double.CreateChecked(beta2), step));
        T stepSize = T.CreateChecked(lr / (1.0 - Math.Pow(double.CreateChecked(beta1), step)) * correction2Root);
        T scaledEpsilon = T.CreateChecked(double.CreateChecked(epsilon) * correction2Root);
        T decay = T.One - learningRate * weightDecay;
        T oneMinusBeta1 = T.One - beta1, oneMinusBeta2 = T.One - beta2;
        ref T p = ref MemoryMarshal.GetReference(parameters);
        ref T g = ref MemoryMarshal.GetReference(gradients);
        ref T m = ref MemoryMarshal.GetReference(firstMoment);
        ref T v = ref MemoryMarshal.GetReference(secondMoment);
        ref T vMax = ref MemoryMarshal.GetReference(maxSecondMoment);
        bool hasDecay = weightDecay != T.Zero;
        int k = 0;
        // The vector body and the scalar tail perform the same operations in the same order, so
        // every parameter gets the same rounding whatever its position.
        var vDecay = new Vector<T>(decay);
        var vWeightDecay = new Vector<T>(weightDecay);
        var vOneMinusBeta1 = new Vector<T>(oneMinusBeta1);
        var vBeta2 = new Vector<T>(beta2);
        var vOneMinusBeta2 = new Vector<T>(oneMinusBeta2);
        var vStepSize = new Vector<T>(stepSize);
        var vEpsilon = new Vector<T>(scaledEpsilon);
        for (; k <= n - Vector<T>.Count; k += Vector<T>.Count)
        {
            Vector<T> pk = Vector.LoadUnsafe(ref p, (nuint)k), gk = Vector.LoadUnsafe(ref g, (nuint)k);
            if (hasDecay)
            {
                if (decoupledWeightDecay)
                    pk *= vDecay;
                else
                    gk += vWeightDecay * pk;
            }
            Vector<T> mk = Vector.LoadUnsafe(ref m, (nuint)k);
            mk += vOneMinusBeta1 * (gk - mk);
            Vector<T> vk = vBeta2 * Vector.LoadUnsafe(ref v, (nuint)k) + vOneMinusBeta2 * gk * gk;
            mk.StoreUnsafe(ref m, (nuint)k);
            vk.StoreUnsafe(ref v, (nuint)k);
            if (amsGrad)
            {
                vk = Vector.Max(Vector.LoadUnsafe(ref vMax, (nuint)k), vk);
                vk.StoreUnsafe(ref vMax, (nuint)k);
            }
            (pk - vStepSize * (mk / (Vector.SquareRoot(vk) + vEpsilon))).StoreUnsafe(ref p, (nuint)k);
        }
        for (; k < n; k++)
        {
            T pk = Unsafe.Add(ref p, k), gk = Unsafe.Add(ref g, k);
            if (hasDecay)
            {
                if (decoupledWeightDecay)
                    pk *= decay;
                else
                    gk += weightDecay * pk;
            }
            T mk = Unsafe.Add(ref m, k);
            mk += oneMinusBeta1 * (gk - mk);
            T vk = beta2 * Unsafe.Add(ref v, k) + oneMinusBeta2 * gk * gk;
            Unsafe.Add(ref m, k) = mk;
            Unsafe.Add(ref v, k) = vk;
            if (amsGrad)
                vk = Unsafe.Add(ref vMax, k) = T.Max(Unsafe.Add(ref vMax, k), vk);
            Unsafe.Add(ref p, k) = pk - stepSize * (mk / (T.Sqrt(vk) + scaledEpsilon));
        }
    }
}
