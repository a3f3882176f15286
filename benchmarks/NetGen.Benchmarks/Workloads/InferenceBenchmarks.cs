using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Baselines.Onnx;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// W2-W4: Forward on one sample; W4 also with weights in fewer bytes, beside ONNX Runtime running the model dynamically quantized (int8 weights per channel, ExportQuantizedOnnx). Each workload is a category whose baseline is ONNX Runtime, so the
/// Ratio column reads "times ONNX Runtime's time"; the layer-list engine runs beside them.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InferenceBenchmarks
{
    private delegate void ForwardCall(ReadOnlySpan<float> input, Span<float> output);

    private readonly float[] _output = new float[10];
    private SpiralNet _spiral = null!;
    private ControlNet _control = null!;
    private MnistNet _mnist = null!;
    private QuantizedNetwork _mnistInt8 = null!, _mnistBFloat16 = null!;
    private LayerListNetwork _spiralLayers = null!, _controlLayers = null!, _mnistLayers = null!;
    private OnnxRuntimePeer _spiralOnnx = null!, _controlOnnx = null!, _mnistOnnx = null!, _mnistOnnxInt8 = null!;
    private float[] _spiralInput = null!, _controlInput = null!, _mnistInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spiral = new SpiralNet(1);
        _control = new ControlNet(1);
        _mnist = new MnistNet(1);
        _spiralInput = Workload.Inputs(2, 4);
        _controlInput = Workload.Inputs(16, 5);
        _mnistInput = Workload.MnistSample();
        _mnistInt8 = _mnist.Quantize(WeightFormat.Int8);
        _mnistBFloat16 = _mnist.Quantize(WeightFormat.BFloat16);
        _spiralLayers = Workload.LayerListTwin(_spiral, NetworkShape.Spiral, Workload.Sgd(1f), 1);
        _controlLayers = Workload.LayerListTwin(_control, NetworkShape.Control, Workload.Sgd(0.01f), 1);
        _mnistLayers = Workload.LayerListTwin(_mnist, NetworkShape.Mnist, Workload.Sgd(0.1f), 1);
        _spiralOnnx = Workload.OnnxTwin(_spiral, _spiralInput);
        _controlOnnx = Workload.OnnxTwin(_control, _controlInput);
        _mnistOnnx = Workload.OnnxTwin(_mnist, _mnistInput);
        _mnistOnnxInt8 = Workload.OnnxTwin(_mnist, _mnistInput, quantized: true);
        Workload.CheckForward("W2", _spiral, _spiralLayers, _spiralInput);
        Workload.CheckForward("W2", _spiral, _spiralOnnx);
        Workload.CheckForward("W3", _control, _controlLayers, _controlInput);
        Workload.CheckForward("W3", _control, _controlOnnx);
        Workload.CheckForward("W4", _mnist, _mnistLayers, _mnistInput);
        Workload.CheckForward("W4", _mnist, _mnistOnnx);
        CheckQuantized(_mnist, _mnistInt8, _mnistInput);
        CheckQuantized(_mnist, _mnistBFloat16, _mnistInput);
        CheckQuantized(_mnist, _mnistOnnxInt8, _mnistInput);
    }

    /// <summary>Reduced precision moves the probabilities a little: a quantized row must stay this near float's (relative to the largest).</summary>
    private const double QuantizedTolerance = 0.05;

    /// <summary>Throws unless W4's network in fewer bytes stays within <see cref="QuantizedTolerance"/> of float on a sample.</summary>
    internal static void CheckQuantized(INetwork<float> network, QuantizedNetwork quantized, float[] sample) =>
        Workload.Check($"W4 NetGen {quantized.Format} against float", Forward(network.Forward, sample), Forward(quantized.Forward, sample), QuantizedTolerance);

    /// <summary>Throws unless ONNX Runtime running W4's network quantized, bound to the sample, stays as near float.</summary>
    internal static void CheckQuantized(INetwork<float> network, OnnxRuntimePeer quantized, float[] sample)
    {
        quantized.Run();
        Workload.Check("W4 ONNX Runtime int8 against float", Forward(network.Forward, sample), quantized.Output, QuantizedTolerance);
    }

    private static float[] Forward(ForwardCall forward, float[] sample)
    {
        var output = new float[NetworkShape.Mnist.OutputSize];
        forward(sample, output);
        return output;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spiralOnnx.Dispose();
        _controlOnnx.Dispose();
        _mnistOnnx.Dispose();
        _mnistOnnxInt8.Dispose();
    }

    [BenchmarkCategory("W2 2-10-3"), Benchmark(Baseline = true, Description = "W2 ONNX Runtime")]
    public void SpiralOnnx() => _spiralOnnx.Run();

    [BenchmarkCategory("W2 2-10-3"), Benchmark(Description = "W2 layer-list")]
    public void SpiralLayerList() => _spiralLayers.Forward(_spiralInput, _output.AsSpan(0, 3));

    [BenchmarkCategory("W2 2-10-3"), Benchmark(Description = "W2 NetGen")]
    public void Spiral() => _spiral.Forward(_spiralInput, _output.AsSpan(0, 3));

    [BenchmarkCategory("W3 16-32-32-1"), Benchmark(Baseline = true, Description = "W3 ONNX Runtime")]
    public void ControlOnnx() => _controlOnnx.Run();

    [BenchmarkCategory("W3 16-32-32-1"), Benchmark(Description = "W3 layer-list")]
    public void ControlLayerList() => _controlLayers.Forward(_controlInput, _output.AsSpan(0, 1));

    [BenchmarkCategory("W3 16-32-32-1"), Benchmark(Description = "W3 NetGen")]
    public void Control() => _control.Forward(_controlInput, _output.AsSpan(0, 1));

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Baseline = true, Description = "W4 ONNX Runtime")]
    public void MnistOnnx() => _mnistOnnx.Run();

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Description = "W4 layer-list")]
    public void MnistLayerList() => _mnistLayers.Forward(_mnistInput, _output);

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Description = "W4 NetGen")]
    public void Mnist() => _mnist.Forward(_mnistInput, _output);

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Description = "W4 ONNX Runtime int8")]
    public void MnistOnnxInt8() => _mnistOnnxInt8.Run();

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Description = "W4 NetGen Int8")]
    public void MnistInt8() => _mnistInt8.Forward(_mnistInput, _output);

    [BenchmarkCategory("W4 784-256-10"), Benchmark(Description = "W4 NetGen BFloat16")]
    public void MnistBFloat16() => _mnistBFloat16.Forward(_mnistInput, _output);
}
