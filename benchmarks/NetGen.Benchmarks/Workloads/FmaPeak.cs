using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// One core's floating-point peak, measured: <see cref="Chains"/> independent chains of fused
/// multiply-adds at the widest width the JIT accelerates (Vector512, else Vector256, else Vector128).
/// Each chain waits on its own last result only, so with at least latency × pipes chains in flight
/// (4 × 2 on the cores this suite has met) the FMA pipes never wait. An FMA counts 2 FLOPs per lane.
/// <see cref="Measured"/> runs it once per process (in the BenchmarkDotNet host, before the
/// benchmarks), and the "% of peak" column divides by that figure; <see cref="PeakBenchmarks"/> times
/// the same loops as benchmarks of their own.
/// </summary>
public static class FmaPeak
{
    public const int Chains = 12;

    private static readonly Lazy<PeakMeasurement> Lazy = new(Measure);

    /// <summary>The peak of this process's core, measured on first use (about half a second).</summary>
    public static PeakMeasurement Measured => Lazy.Value;

    /// <summary>True once <see cref="Measured"/> has run, so that a report can say whether it did.</summary>
    public static bool IsMeasured => Lazy.IsValueCreated;

    public static string Width =>
        Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    /// <summary>Lanes of one vector at <see cref="Width"/>.</summary>
    public static int Lanes(bool float64) =>
        (Vector512.IsHardwareAccelerated ? 64 : Vector256.IsHardwareAccelerated ? 32 : Vector128.IsHardwareAccelerated ? 16 : float64 ? 8 : 4)
        / (float64 ? sizeof(double) : sizeof(float));

    /// <summary>FLOPs that <see cref="Run"/> does for a number of loop iterations.</summary>
    public static double Flops(bool float64, long iterations) => 2.0 * Chains * Lanes(float64) * iterations;

    /// <summary>Runs the chains for a number of iterations (each one FMA per chain); returns their sum so nothing is dropped.</summary>
    public static double Run(bool float64, long iterations)
    {
        if (Vector512.IsHardwareAccelerated)
            return float64 ? RunChains<Vector512<double>, Lanes512<double>>(iterations) : RunChains<Vector512<float>, Lanes512<float>>(iterations);
        if (Vector256.IsHardwareAccelerated)
            return float64 ? RunChains<Vector256<double>, Lanes256<double>>(iterations) : RunChains<Vector256<float>, Lanes256<float>>(iterations);
        if (Vector128.IsHardwareAccelerated)
            return float64 ? RunChains<Vector128<double>, Lanes128<double>>(iterations) : RunChains<Vector128<float>, Lanes128<float>>(iterations);
        return float64 ? RunChains<double, Scalar<double>>(iterations) : RunChains<float, Scalar<float>>(iterations);
    }

    /// <summary>
    /// About 20 ms of warm-up, then the best of 100 runs of about 2 ms each (0.2 s): the best, because
    /// whatever else runs on the machine can only make a run slower, never faster than the core, and
    /// short, so that some runs fall between the scheduler's preemptions on a busy machine.
    /// </summary>
    public static PeakMeasurement Measure() => new(MeasureOne(float64: false), MeasureOne(float64: true), Width, Chains);

    private static double MeasureOne(bool float64)
    {
        long iterations = 1000;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalMilliseconds < 20)
            Run(float64, iterations);
        // Size one run at about 2 ms.
        long start = Stopwatch.GetTimestamp();
        Run(float64, iterations);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        iterations = Math.Max(1000, (long)(iterations * 0.002 / Math.Max(seconds, 1e-9)));
        double best = 0;
        for (int r = 0; r < 100; r++)
        {
            start = Stopwatch.GetTimestamp();
            Run(float64, iterations);
            seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, Flops(float64, iterations) / seconds / 1e9);
        }
        return best;
    }

    /// <summary>
    /// <see cref="Chains"/> chains of multiply-adds, one a chain per iteration, at the width and precision of
    /// <typeparamref name="TLanes"/>. The chains converge to 1 (c = 0.999·c + 0.001 from 1): no overflow, no subnormals.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double RunChains<TVector, TLanes>(long iterations) where TLanes : ILanes<TVector>
    {
        TVector m = TLanes.Create(0.999), a = TLanes.Create(0.001);
        TVector c0 = TLanes.Create(1), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = TLanes.Step(c0, m, a); c1 = TLanes.Step(c1, m, a); c2 = TLanes.Step(c2, m, a); c3 = TLanes.Step(c3, m, a);
            c4 = TLanes.Step(c4, m, a); c5 = TLanes.Step(c5, m, a); c6 = TLanes.Step(c6, m, a); c7 = TLanes.Step(c7, m, a);
            c8 = TLanes.Step(c8, m, a); c9 = TLanes.Step(c9, m, a); c10 = TLanes.Step(c10, m, a); c11 = TLanes.Step(c11, m, a);
        }
        return TLanes.Sum(TLanes.Add(TLanes.Add(TLanes.Add(TLanes.Add(c0, c1), TLanes.Add(c2, c3)), TLanes.Add(TLanes.Add(c4, c5), TLanes.Add(c6, c7))),
            TLanes.Add(TLanes.Add(c8, c9), TLanes.Add(c10, c11))));
    }

    /// <summary>What <see cref="RunChains{TVector, TLanes}"/> needs of one width and precision.</summary>
    private interface ILanes<TVector>
    {
        static abstract TVector Create(double value);

        /// <summary>
        /// <c>c·m + a</c>: the FMA instruction itself where the JIT may emit it, else a multiply and an add (what a core
        /// without FMA, or DOTNET_EnableFMA=0, has for its peak), never a software emulation.
        /// </summary>
        static abstract TVector Step(TVector c, TVector m, TVector a);

        static abstract TVector Add(TVector x, TVector y);

        static abstract double Sum(TVector x);
    }

    private readonly struct Lanes512<T> : ILanes<Vector512<T>> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static Vector512<T> Create(double value) => Vector512.Create(T.CreateChecked(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Step(Vector512<T> c, Vector512<T> m, Vector512<T> a)
        {
            if (Avx512F.IsSupported && typeof(T) == typeof(float))
                return Avx512F.FusedMultiplyAdd(c.AsSingle(), m.AsSingle(), a.AsSingle()).As<float, T>();
            if (Avx512F.IsSupported && typeof(T) == typeof(double))
                return Avx512F.FusedMultiplyAdd(c.AsDouble(), m.AsDouble(), a.AsDouble()).As<double, T>();
            return c * m + a;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<T> Add(Vector512<T> x, Vector512<T> y) => x + y;

        public static double Sum(Vector512<T> x) => double.CreateChecked(Vector512.Sum(x));
    }

    private readonly struct Lanes256<T> : ILanes<Vector256<T>> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static Vector256<T> Create(double value) => Vector256.Create(T.CreateChecked(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Step(Vector256<T> c, Vector256<T> m, Vector256<T> a)
        {
            if (Fma.IsSupported && typeof(T) == typeof(float))
                return Fma.MultiplyAdd(c.AsSingle(), m.AsSingle(), a.AsSingle()).As<float, T>();
            if (Fma.IsSupported && typeof(T) == typeof(double))
                return Fma.MultiplyAdd(c.AsDouble(), m.AsDouble(), a.AsDouble()).As<double, T>();
            return c * m + a;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<T> Add(Vector256<T> x, Vector256<T> y) => x + y;

        public static double Sum(Vector256<T> x) => double.CreateChecked(Vector256.Sum(x));
    }

    private readonly struct Lanes128<T> : ILanes<Vector128<T>> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static Vector128<T> Create(double value) => Vector128.Create(T.CreateChecked(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Step(Vector128<T> c, Vector128<T> m, Vector128<T> a)
        {
            if (Fma.IsSupported && typeof(T) == typeof(float))
                return Fma.MultiplyAdd(c.AsSingle(), m.AsSingle(), a.AsSingle()).As<float, T>();
            if (Fma.IsSupported && typeof(T) == typeof(double))
                return Fma.MultiplyAdd(c.AsDouble(), m.AsDouble(), a.AsDouble()).As<double, T>();
            if (AdvSimd.IsSupported && typeof(T) == typeof(float))
                return AdvSimd.FusedMultiplyAdd(a.AsSingle(), c.AsSingle(), m.AsSingle()).As<float, T>();
            if (AdvSimd.Arm64.IsSupported && typeof(T) == typeof(double))
                return AdvSimd.Arm64.FusedMultiplyAdd(a.AsDouble(), c.AsDouble(), m.AsDouble()).As<double, T>();
            return c * m + a;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<T> Add(Vector128<T> x, Vector128<T> y) => x + y;

        public static double Sum(Vector128<T> x) => double.CreateChecked(Vector128.Sum(x));
    }

    /// <summary>Without any accelerated vectors (DOTNET_EnableHWIntrinsic=0): scalar multiplies and adds.</summary>
    private readonly struct Scalar<T> : ILanes<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static T Create(double value) => T.CreateChecked(value);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Step(T c, T m, T a) => c * m + a;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T Add(T x, T y) => x + y;

        public static double Sum(T x) => double.CreateChecked(x);
    }
}

/// <summary>One core's measured peak in GFLOP/s, fp32 and fp64, and how it was measured.</summary>
public sealed record PeakMeasurement(double Float32Gflops, double Float64Gflops, string Width, int Chains)
{
    public double Gflops(bool float64) => float64 ? Float64Gflops : Float32Gflops;

    public override string ToString() =>
        $"FMA peak of one core, measured in this run: fp32 {Float32Gflops:F1} GFLOP/s, fp64 {Float64Gflops:F1} GFLOP/s ({Width}, {Chains} independent FMA chains, best of 100 runs of 2 ms)";
}
