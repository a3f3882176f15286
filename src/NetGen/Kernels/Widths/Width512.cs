using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>The 512-bit width: <see cref="Vector512{T}"/>.</summary>
internal readonly struct Width512<T> : IVectorWidth<T, Vector512<T>> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;

    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> BroadcastFirst(Vector512<T> x) => Vector512.Create(x.ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, nint offset) => Vector512.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        // typeof(T) is a JIT-time constant: each instantiation keeps one branch.
        if (typeof(T) == typeof(float))
            return Vector512.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SquareRoot(Vector512<T> x) => Vector512.Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Max(Vector512<T> a, Vector512<T> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> x) => Vector512.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector512<T> x, int index) => x.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WithElement(Vector512<T> x, int index, T value) => x.WithElement(index, value);

    public static bool HasFloatGroupSums => Avx.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FloatGroupSums(Vector512<T> p0, Vector512<T> p1, Vector512<T> p2, Vector512<T> p3)
    {
        Vector512<float> s0 = p0.AsSingle(), s1 = p1.AsSingle(), s2 = p2.AsSingle(), s3 = p3.AsSingle();
        // Each 256-bit half's tree, then the two halves.
        return Width256<float>.FloatGroupSums(s0.GetLower(), s1.GetLower(), s2.GetLower(), s3.GetLower())
            + Width256<float>.FloatGroupSums(s0.GetUpper(), s1.GetUpper(), s2.GetUpper(), s3.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> KeepFirst(Vector512<T> x, int count) =>
        Vector512.ConditionalSelect(Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(count))), x, Vector512<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Apply<TOperator>(Vector512<T> x) where TOperator : IVectorOperator<T> => TOperator.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Forward<TActivation>(Vector512<T> x, Vector512<T> argument) where TActivation : IActivation<T> =>
        TActivation.Forward(x, argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Backward<TActivation>(Vector512<T> x, Vector512<T> y, Vector512<T> d, Vector512<T> argument)
        where TActivation : IActivation<T> => TActivation.Backward(x, y, d, argument);
}
