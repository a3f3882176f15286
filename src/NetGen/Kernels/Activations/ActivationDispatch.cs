using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NetGen.Kernels;

/// <summary>A kernel call that needs an activation's operator struct; <see cref="ActivationDispatch"/> supplies it.</summary>
internal interface IActivationCall<T, TResult> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    TResult Run<TActivation>() where TActivation : IActivation<T>;
}

/// <summary>
/// The one place an <see cref="Activation"/> names its operator struct. Every kernel that takes an
/// activation comes here; inlined into generated code, which passes a constant, the switch folds to
/// the one case it names.
/// </summary>
internal static class ActivationDispatch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TResult Run<T, TCall, TResult>(Activation activation, ref TCall call)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TCall : IActivationCall<T, TResult>, allows ref struct => activation switch
    {
        Activation.Identity => call.Run<IdentityActivation<T>>(),
        Activation.Sigmoid => call.Run<SigmoidActivation<T>>(),
        Activation.Tanh => call.Run<TanhActivation<T>>(),
        Activation.ReLU => call.Run<ReLUActivation<T>>(),
        Activation.LeakyReLU => call.Run<LeakyReLUActivation<T>>(),
        Activation.SiLU => call.Run<SiLUActivation<T>>(),
        Activation.GELUTanh => call.Run<GELUTanhActivation<T>>(),
        Activation.ELU => call.Run<ELUActivation<T>>(),
        Activation.Softplus => call.Run<SoftplusActivation<T>>(),
        Activation.GELU => call.Run<GELUActivation<T>>(),
        Activation.Mish => call.Run<MishActivation<T>>(),
        _ => ThrowNotElementwise<TResult>(activation),
    };

    /// <summary>The argument an activation takes when the declaration sets none: LeakyReLU's slope of 0.01, as PyTorch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T DefaultArgument<T>(Activation activation) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        activation == Activation.LeakyReLU ? T.CreateChecked(0.01) : T.Zero;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TResult ThrowNotElementwise<TResult>(Activation activation) =>
        throw new ArgumentException(activation == Activation.Softmax
            ? "Softmax spans a whole row, so it is not element-wise: apply it with Softmax or SoftmaxOne."
            : $"{activation} is not an activation: expected a member of Activation other than Softmax.", nameof(activation));
}
