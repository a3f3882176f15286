using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGen.Kernels;

public static partial class Dense
{
    /// <summary>
    /// The gradient at a dense layer's input, overwritten: <c>dx[s, i] = Σₒ w[i, o]·dz[s, o]</c>.
    /// </summary>
    /// <remarks>
    /// Runs at <see cref="PreferredWidth"/>: each sum is one vector of products accumulated along the
    /// outputs, its lanes added, then the outputs past the last whole vector one by one.
    /// </remarks>
    public static void BackwardInput<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> w, Span<T> dx,
        int batch, int inSize, int outSize)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Checks.Length(dz, batch * outSize, nameof(dz));
        Checks.Length(w, inSize * outSize, nameof(w));
        Checks.Length(dx, batch * inSize, nameof(dx));
        var call = new BackwardInputCall<T>(dz, w, dx, batch, inSize, outSize);
        PreferredWidth.Run<T, BackwardInputCall<T>, bool>(ref call);
    }

    private readonly ref struct BackwardInputCall<T>(ReadOnlySpan<T> dz, ReadOnlySpan<T> w, Span<T> dx, int batch, int inSize, int outSize)
        : IWidthCall<T, bool>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ReadOnlySpan<T> _dz = dz, _w = w;
        private readonly Span<T> _dx = dx;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Run<TVector, TWidth>()
            where TVector : struct
            where TWidth : IVectorWidth<T, TVector>
        {
            ref T dzRef = ref MemoryMarshal.GetReference(_dz);
            ref T wRef = ref MemoryMarshal.GetReference(_w);
            ref T dxRef = ref MemoryMarshal.GetReference(_dx);
            int width = TWidth.Count;
            for (int s = 0; s < batch; s++)
            {
                ref T dzs = ref Unsafe.Add(ref dzRef, s * outSize);
                for (int i = 0; i < inSize; i++)
                {
                    ref T wi = ref Unsafe.Add(ref wRef, i * outSize);
                    TVector a = TWidth.Zero;
                    int o = 0;
                    for (; o <= outSize - width; o += width)
                        a = TWidth.Add(a, TWidth.Multiply(TWidth.Load(ref wi, o), TWidth.Load(ref dzs, o)));
                    T sum = TWidth.Sum(a);
                    for (; o < outSize; o++)
                        sum += Unsafe.Add(ref wi, o) * Unsafe.Add(ref dzs, o);
                    Unsafe.Add(ref dxRef, s * inSize + i) = sum;
                }
            }
            return true;
        }
    }
}
