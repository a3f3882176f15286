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
            return float64 ? Chains512Float64(iterations) : Chains512Float32(iterations);
        if (Vector256.IsHardwareAccelerated)
            return float64 ? Chains256Float64(iterations) : Chains256Float32(iterations);
        if (Vector128.IsHardwareAccelerated)
            return float64 ? Chains128Float64(iterations) : Chains128Float32(iterations);
        return float64 ? ChainsScalar<double>(iterations) : ChainsScalar<float>(iterations);
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

    // The FMA instruction itself where the JIT may emit it, else a multiply and an add (what a core
    // without FMA, or DOTNET_EnableFMA=0, has for its peak), never a software emulation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Step(Vector512<float> c, Vector512<float> m, Vector512<float> a) => Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(c, m, a) : c * m + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Step(Vector512<double> c, Vector512<double> m, Vector512<double> a) => Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(c, m, a) : c * m + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Step(Vector256<float> c, Vector256<float> m, Vector256<float> a) => Fma.IsSupported ? Fma.MultiplyAdd(c, m, a) : c * m + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Step(Vector256<double> c, Vector256<double> m, Vector256<double> a) => Fma.IsSupported ? Fma.MultiplyAdd(c, m, a) : c * m + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Step(Vector128<float> c, Vector128<float> m, Vector128<float> a) =>
        Fma.IsSupported ? Fma.MultiplyAdd(c, m, a) : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(a, c, m) : c * m + a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Step(Vector128<double> c, Vector128<double> m, Vector128<double> a) =>
        Fma.IsSupported ? Fma.MultiplyAdd(c, m, a) : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAdd(a, c, m) : c * m + a;

    // Without any accelerated vectors (DOTNET_EnableHWIntrinsic=0): scalar multiplies and adds.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double ChainsScalar<T>(long iterations) where T : struct, IFloatingPointIeee754<T>
    {
        T m = T.CreateChecked(0.999), a = T.CreateChecked(0.001);
        T c0 = T.One, c1 = T.One, c2 = T.One, c3 = T.One, c4 = T.One, c5 = T.One, c6 = T.One, c7 = T.One, c8 = T.One, c9 = T.One, c10 = T.One, c11 = T.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = c0 * m + a; c1 = c1 * m + a; c2 = c2 * m + a; c3 = c3 * m + a;
            c4 = c4 * m + a; c5 = c5 * m + a; c6 = c6 * m + a; c7 = c7 * m + a;
            c8 = c8 * m + a; c9 = c9 * m + a; c10 = c10 * m + a; c11 = c11 * m + a;
        }
        return double.CreateChecked(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    // The chains converge to 1 (c = 0.999·c + 0.001 from 1): no overflow, no subnormals.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains512Float32(long iterations)
    {
        Vector512<float> m = Vector512.Create((float)0.999), a = Vector512.Create((float)0.001);
        Vector512<float> c0 = Vector512<float>.One, c1 = Vector512<float>.One, c2 = Vector512<float>.One, c3 = Vector512<float>.One, c4 = Vector512<float>.One, c5 = Vector512<float>.One, c6 = Vector512<float>.One, c7 = Vector512<float>.One, c8 = Vector512<float>.One, c9 = Vector512<float>.One, c10 = Vector512<float>.One, c11 = Vector512<float>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains512Float64(long iterations)
    {
        Vector512<double> m = Vector512.Create((double)0.999), a = Vector512.Create((double)0.001);
        Vector512<double> c0 = Vector512<double>.One, c1 = Vector512<double>.One, c2 = Vector512<double>.One, c3 = Vector512<double>.One, c4 = Vector512<double>.One, c5 = Vector512<double>.One, c6 = Vector512<double>.One, c7 = Vector512<double>.One, c8 = Vector512<double>.One, c9 = Vector512<double>.One, c10 = Vector512<double>.One, c11 = Vector512<double>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains256Float32(long iterations)
    {
        Vector256<float> m = Vector256.Create((float)0.999), a = Vector256.Create((float)0.001);
        Vector256<float> c0 = Vector256<float>.One, c1 = Vector256<float>.One, c2 = Vector256<float>.One, c3 = Vector256<float>.One, c4 = Vector256<float>.One, c5 = Vector256<float>.One, c6 = Vector256<float>.One, c7 = Vector256<float>.One, c8 = Vector256<float>.One, c9 = Vector256<float>.One, c10 = Vector256<float>.One, c11 = Vector256<float>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains256Float64(long iterations)
    {
        Vector256<double> m = Vector256.Create((double)0.999), a = Vector256.Create((double)0.001);
        Vector256<double> c0 = Vector256<double>.One, c1 = Vector256<double>.One, c2 = Vector256<double>.One, c3 = Vector256<double>.One, c4 = Vector256<double>.One, c5 = Vector256<double>.One, c6 = Vector256<double>.One, c7 = Vector256<double>.One, c8 = Vector256<double>.One, c9 = Vector256<double>.One, c10 = Vector256<double>.One, c11 = Vector256<double>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains128Float32(long iterations)
    {
        Vector128<float> m = Vector128.Create((float)0.999), a = Vector128.Create((float)0.001);
        Vector128<float> c0 = Vector128<float>.One, c1 = Vector128<float>.One, c2 = Vector128<float>.One, c3 = Vector128<float>.One, c4 = Vector128<float>.One, c5 = Vector128<float>.One, c6 = Vector128<float>.One, c7 = Vector128<float>.One, c8 = Vector128<float>.One, c9 = Vector128<float>.One, c10 = Vector128<float>.One, c11 = Vector128<float>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector128.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Chains128Float64(long iterations)
    {
        Vector128<double> m = Vector128.Create((double)0.999), a = Vector128.Create((double)0.001);
        Vector128<double> c0 = Vector128<double>.One, c1 = Vector128<double>.One, c2 = Vector128<double>.One, c3 = Vector128<double>.One, c4 = Vector128<double>.One, c5 = Vector128<double>.One, c6 = Vector128<double>.One, c7 = Vector128<double>.One, c8 = Vector128<double>.One, c9 = Vector128<double>.One, c10 = Vector128<double>.One, c11 = Vector128<double>.One;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Step(c0, m, a); c1 = Step(c1, m, a); c2 = Step(c2, m, a); c3 = Step(c3, m, a);
            c4 = Step(c4, m, a); c5 = Step(c5, m, a); c6 = Step(c6, m, a); c7 = Step(c7, m, a);
            c8 = Step(c8, m, a); c9 = Step(c9, m, a); c10 = Step(c10, m, a); c11 = Step(c11, m, a);
        }
        return Vector128.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }
}

/// <summary>One core's measured peak in GFLOP/s, fp32 and fp64, and how it was measured.</summary>
public sealed record PeakMeasurement(double Float32Gflops, double Float64Gflops, string Width, int Chains)
{
    public double Gflops(bool float64) => float64 ? Float64Gflops : Float32Gflops;

    public override string ToString() =>
        $"FMA peak of one core, measured in this run: fp32 {Float32Gflops:F1} GFLOP/s, fp64 {Float64Gflops:F1} GFLOP/s ({Width}, {Chains} independent FMA chains, best of 100 runs of 2 ms)";
}
