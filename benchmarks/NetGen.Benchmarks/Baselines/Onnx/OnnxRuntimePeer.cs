using System;
using System.IO;
using Microsoft.ML.OnnxRuntime;

namespace NetGen.Benchmarks.Baselines.Onnx;

/// <summary>
/// ONNX Runtime as a user would set it up for lowest latency on one core: one intra-op and one
/// inter-op thread, sequential execution, all graph optimizations, and input and output tensors
/// allocated once over managed arrays and bound once with an <see cref="OrtIoBinding"/>, so that
/// <see cref="Run"/> only crosses into the native runtime and back. The model is what NetGen.Onnx's
/// <c>ExportOnnx</c> writes for the network, so ONNX Runtime computes the same function from the same numbers;
/// or, made with <c>quantized: true</c>, what <c>ExportQuantizedOnnx</c> writes: the same network dynamically
/// quantized (int8 weights per output channel, uint8 inputs quantized per call), as <c>quantize_dynamic</c> makes it.
/// </summary>
public sealed class OnnxRuntimePeer : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue _input, _output;
    private readonly OrtIoBinding _binding;

    /// <summary>The array the bound input tensor reads: write a sample here before <see cref="Run"/>.</summary>
    public float[] Input { get; }

    /// <summary>The array the bound output tensor writes.</summary>
    public float[] Output { get; }

    public OnnxRuntimePeer(INetwork<float> network, int batch = 1, bool quantized = false)
    {
        var model = new MemoryStream();
        if (quantized)
            network.ExportQuantizedOnnx(model);
        else
            network.ExportOnnx(model);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model.ToArray(), _options);
        Input = new float[batch * network.InputSize];
        Output = new float[batch * network.OutputSize];
        _input = OrtValue.CreateTensorValueFromMemory(Input, [batch, network.InputSize]);
        _output = OrtValue.CreateTensorValueFromMemory(Output, [batch, network.OutputSize]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(OnnxExport.InputName, _input);
        _binding.BindOutput(OnnxExport.OutputName, _output);
        _binding.SynchronizeBoundInputs();
    }

    /// <summary>Runs the model on <see cref="Input"/>, writing <see cref="Output"/>.</summary>
    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _input.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
