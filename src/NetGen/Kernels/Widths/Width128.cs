using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>The 128-bit width: <see cref="Vector128{T}"/>.</summary>
internal readonly struct Width128<T> : IVectorWidth<T, Vector128<T>> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;

    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> BroadcastFirst(Vector128<T> x) => Vector128.Create(x.ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, nint offset) => Vector128.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        // typeof(T) is a JIT-time constant: each instantiation keeps one branch.
        if (typeof(T) == typeof(float))
            return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SquareRoot(Vector128<T> x) => Vector128.Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Max(Vector128<T> a, Vector128<T> b) => Vector128.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> x) => Vector128.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SumInEveryLane(Vector128<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            Vector128<float> s = x.AsSingle();
            s += Vector128.Shuffle(s, Vector128.Create(2, 3, 0, 1));
            s += Vector128.Shuffle(s, Vector128.Create(1, 0, 3, 2));
            return s.As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            Vector128<double> s = x.AsDouble();
            s += Vector128.Shuffle(s, Vector128.Create(1L, 0L));
            return s.As<double, T>();
        }
        return Vector128.Create(Sum(x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector128<T> x, int index) => x.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WithElement(Vector128<T> x, int index, T value) => x.WithElement(index, value);

    public static bool HasFloatGroupSums => Sse3.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FloatGroupSums(Vector128<T> p0, Vector128<T> p1, Vector128<T> p2, Vector128<T> p3)
    {
        Vector128<float> s0 = p0.AsSingle(), s1 = p1.AsSingle(), s2 = p2.AsSingle(), s3 = p3.AsSingle();
        // Two rounds of horizontal additions: (x₀ + x₁) + (x₂ + x₃) for each vector, one a lane.
        return Sse3.HorizontalAdd(Sse3.HorizontalAdd(s0, s1), Sse3.HorizontalAdd(s2, s3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepFirst(Vector128<T> x, int count) =>
        Vector128.ConditionalSelect(Vector128.LessThan(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(count))), x, Vector128<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Apply<TOperator>(Vector128<T> x) where TOperator : IVectorOperator<T> => TOperator.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Forward<TActivation>(Vector128<T> x, Vector128<T> argument) where TActivation : IActivation<T> =>
        TActivation.Forward(x, argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Backward<TActivation>(Vector128<T> x, Vector128<T> y, Vector128<T> d, Vector128<T> argument)
        where TActivation : IActivation<T> => TActivation.Backward(x, y, d, argument);

    public static Vector128<T> One => Vector128<T>.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Negate(Vector128<T> x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> FusedMultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) => typeof(T) == typeof(float)
        ? Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Abs(Vector128<T> x) => Vector128.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> CopySign(Vector128<T> value, Vector128<T> sign) => Vector128.CopySign(value, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Min(Vector128<T> a, Vector128<T> b) => Vector128.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MinNative(Vector128<T> a, Vector128<T> b) => Vector128.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MaxNative(Vector128<T> a, Vector128<T> b) => Vector128.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ClampNative(Vector128<T> x, Vector128<T> min, Vector128<T> max) => Vector128.ClampNative(x, min, max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Equal(Vector128<T> a, Vector128<T> b) => Vector128.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LessThan(Vector128<T> a, Vector128<T> b) => Vector128.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> GreaterThan(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> GreaterThanOrEqual(Vector128<T> a, Vector128<T> b) => Vector128.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> IsNaN(Vector128<T> x) => Vector128.IsNaN(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ConditionalSelect(Vector128<T> mask, Vector128<T> whenTrue, Vector128<T> whenFalse) =>
        Vector128.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> And(Vector128<T> a, Vector128<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Or(Vector128<T> a, Vector128<T> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Xor(Vector128<T> a, Vector128<T> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> AndNot(Vector128<T> a, Vector128<T> b) => Vector128.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> BroadcastInteger(long value) => typeof(T) == typeof(float)
        ? Vector128.Create((int)value).As<int, T>()
        : Vector128.Create(value).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> SubtractIntegers(Vector128<T> a, Vector128<T> b) => typeof(T) == typeof(float)
        ? (a.AsInt32() - b.AsInt32()).As<int, T>()
        : (a.AsInt64() - b.AsInt64()).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ShiftLeftIntegers(Vector128<T> x, int count) => typeof(T) == typeof(float)
        ? Vector128.ShiftLeft(x.AsInt32(), count).As<int, T>()
        : Vector128.ShiftLeft(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ShiftRightLogicalIntegers(Vector128<T> x, int count) => typeof(T) == typeof(float)
        ? Vector128.ShiftRightLogical(x.AsInt32(), count).As<int, T>()
        : Vector128.ShiftRightLogical(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadHalf(ref T source, nint offset) => Vector64.LoadUnsafe(ref source, (nuint)offset).ToVector128Unsafe();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> EqualIntegers(Vector128<T> a, Vector128<T> b) => typeof(T) == typeof(float)
        ? Vector128.Equals(a.AsInt32(), b.AsInt32()).As<int, T>()
        : Vector128.Equals(a.AsInt64(), b.AsInt64()).As<long, T>();

    public static bool HasPermute => typeof(T) == typeof(float) && Avx.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Permute(Vector128<T> x, Vector128<T> lanes) => typeof(T) == typeof(float)
        ? Vector128.ShuffleNative(x.AsInt32(), lanes.AsInt32()).As<int, T>()
        : Vector128.ShuffleNative(x.AsInt64(), lanes.AsInt64()).As<long, T>();
}
