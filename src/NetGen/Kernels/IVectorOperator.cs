using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// An operation on one value as an operator struct, with its scalar form and its forms at each fixed
/// vector width, all equal lane for lane: the <see cref="FastMath"/> functions and the activations,
/// so that one kernel written over <see cref="IVectorWidth{T, TVector}"/> applies any of them.
/// </summary>
internal interface IVectorOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract T Invoke(T x);
    static abstract Vector128<T> Invoke(Vector128<T> x);
    static abstract Vector256<T> Invoke(Vector256<T> x);
    static abstract Vector512<T> Invoke(Vector512<T> x);
}
