using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// An activation's derivative as an operator struct: <c>d·f′</c> written in terms of f's output a,
/// with a scalar form, a <see cref="Vector{T}"/> form for the backward passes over a batch, and a
/// <see cref="Vector256{T}"/> form for the small-layer kernels that apply it along one input row.
/// </summary>
internal interface IDerivativeOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    static abstract Vector256<T> Invoke(Vector256<T> a, Vector256<T> d);
}
