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
    /// <c>p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)</c>. The moments are stored flushed (<see cref="FlushSubnormal{T}"/>); this step uses them as computed.
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
        // The vector body and the scalar tail perform the same operations in the same order, so
        // every parameter gets the same rounding whatever its position.
        var call = new AdamCall<T>(parameters, gradients, firstMoment, secondMoment, maxSecondMoment,
            decay, weightDecay, oneMinusBeta1, beta2, oneMinusBeta2, stepSize, scaledEpsilon, hasDecay, decoupledWeightDecay, amsGrad);
        int k = PreferredWidth.RunDivisionBound<T, AdamCall<T>, int>(ref call);
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
            Unsafe.Add(ref m, k) = FlushSubnormal(mk);
            Unsafe.Add(ref v, k) = FlushSubnormal(vk);
            if (amsGrad)
            {
                vk = T.Max(Unsafe.Add(ref vMax, k), vk);
                Unsafe.Add(ref vMax, k) = FlushSubnormal(vk);
            }
            Unsafe.Add(ref p, k) = pk - stepSize * (mk / (T.Sqrt(vk) + scaledEpsilon));
        }
    }

    /// <summary>Adam's update at <see cref="PreferredWidth"/>, a whole vector at a time; returns where the scalar tail starts.</summary>
    private readonly ref struct AdamCall<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> firstMoment, Span<T> secondMoment,
        Span<T> maxSecondMoment, T decay, T weightDecay, T oneMinusBeta1, T beta2, T oneMinusBeta2, T stepSize, T scaledEpsilon,
        bool hasDecay, bool decoupledWeightDecay, bool amsGrad) : IWidthCall<T, int>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly Span<T> _parameters = parameters, _firstMoment = firstMoment, _secondMoment = secondMoment, _maxSecondMoment = maxSecondMoment;
        private readonly ReadOnlySpan<T> _gradients = gradients;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Run<TVector, TWidth>()
            where TVector : struct
            where TWidth : IVectorWidth<T, TVector>
        {
            ref T p = ref MemoryMarshal.GetReference(_parameters);
            ref T g = ref MemoryMarshal.GetReference(_gradients);
            ref T m = ref MemoryMarshal.GetReference(_firstMoment);
            ref T v = ref MemoryMarshal.GetReference(_secondMoment);
            ref T vMax = ref MemoryMarshal.GetReference(_maxSecondMoment);
            TVector vDecay = TWidth.Broadcast(decay), vWeightDecay = TWidth.Broadcast(weightDecay);
            TVector vOneMinusBeta1 = TWidth.Broadcast(oneMinusBeta1), vBeta2 = TWidth.Broadcast(beta2), vOneMinusBeta2 = TWidth.Broadcast(oneMinusBeta2);
            TVector vStepSize = TWidth.Broadcast(stepSize), vEpsilon = TWidth.Broadcast(scaledEpsilon);
            TVector smallestNormal = TWidth.Broadcast(SmallestNormal<T>.Value);
            int n = _parameters.Length, k = 0;
            for (; k <= n - TWidth.Count; k += TWidth.Count)
            {
                TVector pk = TWidth.Load(ref p, k), gk = TWidth.Load(ref g, k);
                if (hasDecay)
                {
                    if (decoupledWeightDecay)
                        pk = TWidth.Multiply(pk, vDecay);
                    else
                        gk = TWidth.Add(gk, TWidth.Multiply(vWeightDecay, pk));
                }
                TVector mk = TWidth.Load(ref m, k);
                mk = TWidth.Add(mk, TWidth.Multiply(vOneMinusBeta1, TWidth.Subtract(gk, mk)));
                TVector vk = TWidth.Add(TWidth.Multiply(vBeta2, TWidth.Load(ref v, k)), TWidth.Multiply(TWidth.Multiply(vOneMinusBeta2, gk), gk));
                TWidth.Store(FlushSubnormal<T, TVector, TWidth>(mk, smallestNormal), ref m, k);
                TWidth.Store(FlushSubnormal<T, TVector, TWidth>(vk, smallestNormal), ref v, k);
                if (amsGrad)
                {
                    vk = TWidth.Max(TWidth.Load(ref vMax, k), vk);
                    TWidth.Store(FlushSubnormal<T, TVector, TWidth>(vk, smallestNormal), ref vMax, k);
                }
                TWidth.Store(TWidth.Subtract(pk, TWidth.Multiply(vStepSize, TWidth.Divide(mk, TWidth.Add(TWidth.SquareRoot(vk), vEpsilon)))), ref p, k);
            }
            return k;
        }
    }
}
