using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NetGen.Benchmarks.Networks;
using NetGen.Kernels;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Work that no implementation of W2-W4 can skip: reading W4's 784 x 256 weight matrix once (a
/// batch-1 forward pass reads each weight once), and the latency of one vector's tanh, sigmoid or exp
/// at FastMath's under-1-ulp bound (a sample's hidden layer waits for its activation before the next
/// layer can start, and a softmax for its exponentials). They bound what W2-W4 can reach on a machine; <c>--filter '*Inference*' '*Floor*'</c>
/// measures both in one run.
/// </summary>
[MemoryDiagnoser]
public class FloorBenchmarks
{
    private const int Chain = 8;
    private const int WeightCount = 784 * 256;
    private float[] _weights = null!;
    private int _origin;

    [GlobalSetup]
    public void Setup()
    {
        var parameters = new float[MnistNet.ParameterCount];
        new MnistNet(1).ExportParameters(parameters);
        // On a cache line, as the network's own parameters are, so that the floor is no slower than
        // the workload it bounds for want of alignment.
        _weights = Alignment.Allocate<float>(WeightCount, out _origin);
        parameters.AsSpan(0, WeightCount).CopyTo(_weights.AsSpan(_origin));
    }

    [Benchmark(Description = "read the 784x256 weights once (a sum in 8 vectors)")]
    public float ReadWeights()
    {
        // Eight independent sums, so that the adds never wait on each other and the loads alone set
        // the pace (TensorPrimitives.Sum took 10.3 us here, this loop 8.4).
        ref float weights = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), _origin);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint k = 0; k < WeightCount; k += 8 * 16)
            {
                s0 += Vector512.LoadUnsafe(ref weights, k);
                s1 += Vector512.LoadUnsafe(ref weights, k + 16);
                s2 += Vector512.LoadUnsafe(ref weights, k + 32);
                s3 += Vector512.LoadUnsafe(ref weights, k + 48);
                s4 += Vector512.LoadUnsafe(ref weights, k + 64);
                s5 += Vector512.LoadUnsafe(ref weights, k + 80);
                s6 += Vector512.LoadUnsafe(ref weights, k + 96);
                s7 += Vector512.LoadUnsafe(ref weights, k + 112);
            }
            return Vector512.Sum(((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)));
        }
        Vector256<float> n0 = default, n1 = default, n2 = default, n3 = default, n4 = default, n5 = default, n6 = default, n7 = default;
        for (nuint k = 0; k < WeightCount; k += 8 * 8)
        {
            n0 += Vector256.LoadUnsafe(ref weights, k);
            n1 += Vector256.LoadUnsafe(ref weights, k + 8);
            n2 += Vector256.LoadUnsafe(ref weights, k + 16);
            n3 += Vector256.LoadUnsafe(ref weights, k + 24);
            n4 += Vector256.LoadUnsafe(ref weights, k + 32);
            n5 += Vector256.LoadUnsafe(ref weights, k + 40);
            n6 += Vector256.LoadUnsafe(ref weights, k + 48);
            n7 += Vector256.LoadUnsafe(ref weights, k + 56);
        }
        return Vector256.Sum(((n0 + n1) + (n2 + n3)) + ((n4 + n5) + (n6 + n7)));
    }

    [Benchmark(Description = "tanh of one vector, chained (per call)", OperationsPerInvoke = Chain)]
    public float TanhLatency() => Chained<Tanh>();

    [Benchmark(Description = "sigmoid of one vector, chained (per call)", OperationsPerInvoke = Chain)]
    public float SigmoidLatency() => Chained<Sigmoid>();

    [Benchmark(Description = "exp of one vector, chained (per call)", OperationsPerInvoke = Chain)]
    public float ExpLatency() => Chained<Exp>();

    // Each call's argument is the previous call's result, so the calls cannot overlap and the time per
    // call is the function's latency: what a one-sample layer waits for before the next can start.
    private float Chained<TFunction>() where TFunction : IVectorFunction
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> wide = Vector512.Create(_weights[_origin] + 0.7f);
            for (int k = 0; k < Chain; k++)
                wide = TFunction.Apply(wide);
            return wide.ToScalar();
        }
        Vector256<float> narrow = Vector256.Create(_weights[_origin] + 0.7f);
        for (int k = 0; k < Chain; k++)
            narrow = TFunction.Apply(narrow);
        return narrow.ToScalar();
    }

    private interface IVectorFunction
    {
        static abstract Vector512<float> Apply(Vector512<float> x);
        static abstract Vector256<float> Apply(Vector256<float> x);
    }

    private readonly struct Tanh : IVectorFunction
    {
        public static Vector512<float> Apply(Vector512<float> x) => FastMath.Tanh(x);
        public static Vector256<float> Apply(Vector256<float> x) => FastMath.Tanh(x);
    }

    private readonly struct Sigmoid : IVectorFunction
    {
        public static Vector512<float> Apply(Vector512<float> x) => FastMath.Sigmoid(x);
        public static Vector256<float> Apply(Vector256<float> x) => FastMath.Sigmoid(x);
    }

    private readonly struct Exp : IVectorFunction
    {
        public static Vector512<float> Apply(Vector512<float> x) => FastMath.Exp(x);
        public static Vector256<float> Apply(Vector256<float> x) => FastMath.Exp(x);
    }
}
