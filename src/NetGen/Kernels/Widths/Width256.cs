using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Kernels;

/// <summary>The 256-bit width: <see cref="Vector256{T}"/>.</summary>
internal readonly struct Width256<T> : IVectorWidth<T, Vector256<T>> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;

    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> BroadcastFirst(Vector256<T> x) => Vector256.Create(x.ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, nint offset) => Vector256.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, nint offset) => value.StoreUnsafe(ref destination, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        // typeof(T) is a JIT-time constant: each instantiation keeps one branch.
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SquareRoot(Vector256<T> x) => Vector256.Sqrt(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Max(Vector256<T> a, Vector256<T> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> x) => Vector256.Sum(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SumInEveryLane(Vector256<T> x)
    {
        if (typeof(T) == typeof(float))
        {
            Vector256<float> s = x.AsSingle();
            s += Vector256.Shuffle(s, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3));
            s += Vector256.Shuffle(s, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5));
            s += Vector256.Shuffle(s, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
            return s.As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            Vector256<double> s = x.AsDouble();
            s += Vector256.Shuffle(s, Vector256.Create(2L, 3L, 0L, 1L));
            s += Vector256.Shuffle(s, Vector256.Create(1L, 0L, 3L, 2L));
            return s.As<double, T>();
        }
        return Vector256.Create(Sum(x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T GetElement(Vector256<T> x, int index) => x.GetElement(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WithElement(Vector256<T> x, int index, T value) => x.WithElement(index, value);

    public static bool HasFloatGroupSums => Avx.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FloatGroupSums(Vector256<T> p0, Vector256<T> p1, Vector256<T> p2, Vector256<T> p3)
    {
        Vector256<float> s0 = p0.AsSingle(), s1 = p1.AsSingle(), s2 = p2.AsSingle(), s3 = p3.AsSingle();
        // Pairs, pairs of pairs in each 128-bit half, then the halves: the tree of horizontal additions.
        Vector256<float> r = Avx.HorizontalAdd(Avx.HorizontalAdd(s0, s1), Avx.HorizontalAdd(s2, s3));
        return r.GetLower() + r.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> KeepFirst(Vector256<T> x, int count) =>
        Vector256.ConditionalSelect(Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(count))), x, Vector256<T>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Apply<TOperator>(Vector256<T> x) where TOperator : IVectorOperator<T> => TOperator.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Forward<TActivation>(Vector256<T> x, Vector256<T> argument) where TActivation : IActivation<T> =>
        TActivation.Forward(x, argument);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Backward<TActivation>(Vector256<T> x, Vector256<T> y, Vector256<T> d, Vector256<T> argument)
        where TActivation : IActivation<T> => TActivation.Backward(x, y, d, argument);

    public static Vector256<T> One => Vector256<T>.One;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Negate(Vector256<T> x) => -x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> FusedMultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(float)
        ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Abs(Vector256<T> x) => Vector256.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> CopySign(Vector256<T> value, Vector256<T> sign) => Vector256.CopySign(value, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Min(Vector256<T> a, Vector256<T> b) => Vector256.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MinNative(Vector256<T> a, Vector256<T> b) => Vector256.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MaxNative(Vector256<T> a, Vector256<T> b) => Vector256.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ClampNative(Vector256<T> x, Vector256<T> min, Vector256<T> max) => Vector256.ClampNative(x, min, max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Equal(Vector256<T> a, Vector256<T> b) => Vector256.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LessThan(Vector256<T> a, Vector256<T> b) => Vector256.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> GreaterThan(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> GreaterThanOrEqual(Vector256<T> a, Vector256<T> b) => Vector256.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> IsNaN(Vector256<T> x) => Vector256.IsNaN(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ConditionalSelect(Vector256<T> mask, Vector256<T> whenTrue, Vector256<T> whenFalse) =>
        Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> a, Vector256<T> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Or(Vector256<T> a, Vector256<T> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Xor(Vector256<T> a, Vector256<T> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> AndNot(Vector256<T> a, Vector256<T> b) => Vector256.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> BroadcastInteger(long value) => typeof(T) == typeof(float)
        ? Vector256.Create((int)value).As<int, T>()
        : Vector256.Create(value).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> SubtractIntegers(Vector256<T> a, Vector256<T> b) => typeof(T) == typeof(float)
        ? (a.AsInt32() - b.AsInt32()).As<int, T>()
        : (a.AsInt64() - b.AsInt64()).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ShiftLeftIntegers(Vector256<T> x, int count) => typeof(T) == typeof(float)
        ? Vector256.ShiftLeft(x.AsInt32(), count).As<int, T>()
        : Vector256.ShiftLeft(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ShiftRightLogicalIntegers(Vector256<T> x, int count) => typeof(T) == typeof(float)
        ? Vector256.ShiftRightLogical(x.AsInt32(), count).As<int, T>()
        : Vector256.ShiftRightLogical(x.AsInt64(), count).As<long, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadHalf(ref T source, nint offset) => Vector128.LoadUnsafe(ref source, (nuint)offset).ToVector256Unsafe();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> EqualIntegers(Vector256<T> a, Vector256<T> b) => typeof(T) == typeof(float)
        ? Vector256.Equals(a.AsInt32(), b.AsInt32()).As<int, T>()
        : Vector256.Equals(a.AsInt64(), b.AsInt64()).As<long, T>();

    public static bool HasPermute => typeof(T) == typeof(float) && Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Permute(Vector256<T> x, Vector256<T> lanes) => typeof(T) == typeof(float)
        ? Vector256.ShuffleNative(x.AsInt32(), lanes.AsInt32()).As<int, T>()
        : Vector256.ShuffleNative(x.AsInt64(), lanes.AsInt64()).As<long, T>();
}
