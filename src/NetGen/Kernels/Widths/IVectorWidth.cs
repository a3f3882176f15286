using System.Numerics;
using System.Runtime.Intrinsics;

namespace NetGen.Kernels;

/// <summary>
/// One SIMD width, so that a kernel is written once and runs as Vector128, Vector256 or Vector512:
/// the kernel takes the width as a struct type argument and the JIT compiles a copy for each.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TVector">Vector128&lt;T&gt;, Vector256&lt;T&gt; or Vector512&lt;T&gt;.</typeparam>
internal interface IVectorWidth<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct
{
    /// <summary>Elements in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>The vector of zeros.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Every element set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary>Every element set to the first element of <paramref name="x"/>, without a trip through memory.</summary>
    static abstract TVector BroadcastFirst(TVector x);

    /// <summary>The vector starting <paramref name="offset"/> elements past <paramref name="source"/>.</summary>
    static abstract TVector Load(ref T source, nint offset);

    /// <summary>Writes <paramref name="value"/> starting <paramref name="offset"/> elements past <paramref name="destination"/>.</summary>
    static abstract void Store(TVector value, ref T destination, nint offset);

    /// <summary><c>a·b + c</c>, fused into one rounding where the hardware has FMA (deterministic on a given machine).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary><c>a + b</c>.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary><c>a·b</c>.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary><c>a − b</c>.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary><c>a / b</c>, correctly rounded.</summary>
    static abstract TVector Divide(TVector a, TVector b);

    /// <summary>The square root of each lane, correctly rounded.</summary>
    static abstract TVector SquareRoot(TVector x);

    /// <summary>The larger of each pair of lanes, as <see cref="Vector128.Max{T}"/> takes it (NaN if either is).</summary>
    static abstract TVector Max(TVector a, TVector b);

    /// <summary>The sum of the lanes.</summary>
    static abstract T Sum(TVector x);

    /// <summary>
    /// The sum of the lanes in every lane, the same bits in each: lanes half the width apart added, then a quarter, and
    /// so on down to neighbours, one shuffle and one addition a step.
    /// </summary>
    /// <remarks>
    /// The softmax of a row that fits one vector divides by its sum: <see cref="Sum"/> and a broadcast of it ran a batch
    /// of 256 rows of 10 classes in 2.90-2.97 us on a Zen 5 core, this in 2.19-2.28.
    /// </remarks>
    static abstract TVector SumInEveryLane(TVector x);

    /// <summary>Lane <paramref name="index"/> of <paramref name="x"/>.</summary>
    static abstract T GetElement(TVector x, int index);

    /// <summary><paramref name="x"/> with lane <paramref name="index"/> set to <paramref name="value"/>.</summary>
    static abstract TVector WithElement(TVector x, int index, T value);

    /// <summary>
    /// Whether <see cref="FloatGroupSums"/> has horizontal additions to run on (a JIT-time constant), so
    /// that <see cref="TreeSums"/> takes four float vectors' sums at once rather than lane by lane.
    /// </summary>
    static abstract bool HasFloatGroupSums { get; }

    /// <summary>
    /// The lane sums of four vectors of floats (T is float), one a lane, each in the order of
    /// <see cref="TreeSums.Of{T, TVector, TWidth}"/>: pairs, then pairs of pairs.
    /// </summary>
    static abstract Vector128<float> FloatGroupSums(TVector p0, TVector p1, TVector p2, TVector p3);

    /// <summary><paramref name="x"/> with every lane from <paramref name="count"/> on set to zero.</summary>
    static abstract TVector KeepFirst(TVector x, int count);

    /// <summary>The operator applied to every lane, through its form at this width.</summary>
    static abstract TVector Apply<TOperator>(TVector x) where TOperator : IVectorOperator<T>;

    /// <summary>The activation of every lane, through its form at this width.</summary>
    static abstract TVector Forward<TActivation>(TVector x, TVector argument) where TActivation : IActivation<T>;

    /// <summary>The chain rule through the activation on every lane, through its form at this width.</summary>
    static abstract TVector Backward<TActivation>(TVector x, TVector y, TVector d, TVector argument) where TActivation : IActivation<T>;

    /// <summary>The vector of ones.</summary>
    static abstract TVector One { get; }

    /// <summary><c>−x</c>.</summary>
    static abstract TVector Negate(TVector x);

    /// <summary><c>a·b + c</c> rounded once on every machine (in software where the hardware has no FMA), lane for lane as <c>T.FusedMultiplyAdd</c>.</summary>
    static abstract TVector FusedMultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>The magnitude of each lane.</summary>
    static abstract TVector Abs(TVector x);

    /// <summary>Each lane of <paramref name="value"/> with the sign of the same lane of <paramref name="sign"/>.</summary>
    static abstract TVector CopySign(TVector value, TVector sign);

    /// <summary>The smaller of each pair of lanes, as <see cref="Vector128.Min{T}"/> takes it (NaN if either is).</summary>
    static abstract TVector Min(TVector a, TVector b);

    /// <summary>The smaller of each pair of lanes in the hardware's one instruction, as <see cref="Vector128.MinNative{T}"/> (which lane a NaN yields depends on the machine).</summary>
    static abstract TVector MinNative(TVector a, TVector b);

    /// <summary>The larger of each pair of lanes in the hardware's one instruction, as <see cref="Vector128.MaxNative{T}"/>.</summary>
    static abstract TVector MaxNative(TVector a, TVector b);

    /// <summary><paramref name="x"/> held between <paramref name="min"/> and <paramref name="max"/>, as <see cref="Vector128.ClampNative{T}"/>.</summary>
    static abstract TVector ClampNative(TVector x, TVector min, TVector max);

    /// <summary>All ones in each lane where <c>a = b</c>, zero elsewhere.</summary>
    static abstract TVector Equal(TVector a, TVector b);

    /// <summary>All ones in each lane where <c>a &lt; b</c>, zero elsewhere.</summary>
    static abstract TVector LessThan(TVector a, TVector b);

    /// <summary>All ones in each lane where <c>a &gt; b</c>, zero elsewhere.</summary>
    static abstract TVector GreaterThan(TVector a, TVector b);

    /// <summary>All ones in each lane where <c>a ≥ b</c>, zero elsewhere.</summary>
    static abstract TVector GreaterThanOrEqual(TVector a, TVector b);

    /// <summary>All ones in each lane that is NaN, zero elsewhere.</summary>
    static abstract TVector IsNaN(TVector x);

    /// <summary>The bits of <paramref name="whenTrue"/> where <paramref name="mask"/> has ones, of <paramref name="whenFalse"/> elsewhere.</summary>
    static abstract TVector ConditionalSelect(TVector mask, TVector whenTrue, TVector whenFalse);

    /// <summary>The bitwise <c>a &amp; b</c>.</summary>
    static abstract TVector And(TVector a, TVector b);

    /// <summary>The bitwise <c>a | b</c>.</summary>
    static abstract TVector Or(TVector a, TVector b);

    /// <summary>The bitwise <c>a ^ b</c>.</summary>
    static abstract TVector Xor(TVector a, TVector b);

    /// <summary>The bitwise <c>a &amp; ~b</c>.</summary>
    static abstract TVector AndNot(TVector a, TVector b);

    /// <summary>
    /// Every lane holding the bits of the integer <paramref name="value"/>, as an int for float lanes and a
    /// long for double lanes: a constant for the integer operations below.
    /// </summary>
    static abstract TVector BroadcastInteger(long value);

    /// <summary><c>a − b</c> on the lanes' bits read as integers of the lanes' width (int for float, long for double).</summary>
    static abstract TVector SubtractIntegers(TVector a, TVector b);

    /// <summary>The lanes' bits, read as integers of the lanes' width, shifted left by <paramref name="count"/>.</summary>
    static abstract TVector ShiftLeftIntegers(TVector x, int count);

    /// <summary>The lanes' bits, read as integers of the lanes' width, shifted right by <paramref name="count"/> with zeros in.</summary>
    static abstract TVector ShiftRightLogicalIntegers(TVector x, int count);

    /// <summary>The first half of the lanes read from memory, which is read no further; the other half unspecified.</summary>
    static abstract TVector LoadHalf(ref T source, nint offset);

    /// <summary>All bits set in the lanes whose bits, read as integers, are equal; none in the others.</summary>
    static abstract TVector EqualIntegers(TVector a, TVector b);

    /// <summary>
    /// Whether <see cref="Permute"/> runs as one instruction (a JIT-time constant): on float lanes where the instruction
    /// set has a variable permute of the whole width. Where it does not, a kernel built on it is slower than its scalar form.
    /// </summary>
    static abstract bool HasPermute { get; }

    /// <summary>
    /// Lane k of the result is lane <c>lanes[k]</c> of <paramref name="x"/>, with <paramref name="lanes"/>' bits read
    /// as integers of the lanes' width, each below <see cref="Count"/>.
    /// </summary>
    static abstract TVector Permute(TVector x, TVector lanes);
}
