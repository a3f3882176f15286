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
    public static Vector512<T> SumInEveryLane(Vector512<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            Vector512<float> s = x.AsSingle();
            s += Vector512.Shuffle(s, Vector512.Create(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
            s += Vector512.Shuffle(s, Vector512.Create(4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11));
            s += Vector512.Shuffle(s, Vector512.Create(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13));
            s += Vector512.Shuffle(s, Vector512.Create(1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14));
            return s.As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            Vector512<double> s = x.AsDouble();
            s += Vector512.Shuffle(s, Vector512.Create(4L, 5L, 6L, 7L, 0L, 1L, 2L, 3L));
            s += Vector512.Shuffle(s, Vector512.Create(2L, 3L, 0L, 1L, 6L, 7L, 4L, 5L));
            s += Vector512.Shuffle(s, Vector512.Create(1L, 0L, 3L, 2L, 5L, 4L, 7L, 6L));
            return s.As<double, T>();
        }
        return Vector512.Create(Sum(x));
    }

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

    public static Vector512<T> One => Vector512<T>.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Negate(Vector512<T> x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> FusedMultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(float)
        ? Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Abs(Vector512<T> x) => Vector512.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> CopySign(Vector512<T> value, Vector512<T> sign) => Vector512.CopySign(value, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Min(Vector512<T> a, Vector512<T> b) => Vector512.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MinNative(Vector512<T> a, Vector512<T> b) => Vector512.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MaxNative(Vector512<T> a, Vector512<T> b) => Vector512.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ClampNative(Vector512<T> x, Vector512<T> min, Vector512<T> max) => Vector512.ClampNative(x, min, max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Equal(Vector512<T> a, Vector512<T> b) => Vector512.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LessThan(Vector512<T> a, Vector512<T> b) => Vector512.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> GreaterThan(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> GreaterThanOrEqual(Vector512<T> a, Vector512<T> b) => Vector512.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> IsNaN(Vector512<T> x) => Vector512.IsNaN(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ConditionalSelect(Vector512<T> mask, Vector512<T> whenTrue, Vector512<T> whenFalse) =>
        Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> And(Vector512<T> a, Vector512<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Or(Vector512<T> a, Vector512<T> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Xor(Vector512<T> a, Vector512<T> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> AndNot(Vector512<T> a, Vector512<T> b) => Vector512.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> BroadcastInteger(long value) => typeof(T) == typeof(float)
        ? Vector512.Create((int)value).As<int, T>()
        : Vector512.Create(value).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> SubtractIntegers(Vector512<T> a, Vector512<T> b) => typeof(T) == typeof(float)
        ? (a.AsInt32() - b.AsInt32()).As<int, T>()
        : (a.AsInt64() - b.AsInt64()).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ShiftLeftIntegers(Vector512<T> x, int count) => typeof(T) == typeof(float)
        ? Vector512.ShiftLeft(x.AsInt32(), count).As<int, T>()
        : Vector512.ShiftLeft(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ShiftRightLogicalIntegers(Vector512<T> x, int count) => typeof(T) == typeof(float)
        ? Vector512.ShiftRightLogical(x.AsInt32(), count).As<int, T>()
        : Vector512.ShiftRightLogical(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadHalf(ref T source, nint offset) => Vector256.LoadUnsafe(ref source, (nuint)offset).ToVector512Unsafe();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> EqualIntegers(Vector512<T> a, Vector512<T> b) => typeof(T) == typeof(float)
        ? Vector512.Equals(a.AsInt32(), b.AsInt32()).As<int, T>()
        : Vector512.Equals(a.AsInt64(), b.AsInt64()).As<long, T>();

    public static bool HasPermute => typeof(T) == typeof(float) && Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Permute(Vector512<T> x, Vector512<T> lanes) => typeof(T) == typeof(float)
        ? Vector512.ShuffleNative(x.AsInt32(), lanes.AsInt32()).As<int, T>()
        : Vector512.ShuffleNative(x.AsInt64(), lanes.AsInt64()).As<long, T>();
}
