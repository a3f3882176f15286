using System;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;

namespace NetGen.Onnx.Tests.Support;

/// <summary>Runs an ONNX model in ONNX Runtime on one thread, the judge of what the exporter wrote.</summary>
public static class OnnxRuntimeRunner
{
    /// <summary>
    /// Loads <paramref name="model"/> and runs it on <paramref name="batch"/> rows of <paramref name="input"/> fed to
    /// <c>input</c>; returns <c>output</c>, row-major. With <see cref="GraphOptimizationLevel.ORT_DISABLE_ALL"/> the nodes
    /// run as written; with <see cref="GraphOptimizationLevel.ORT_ENABLE_ALL"/>, as a user's session runs them, fused
    /// where ONNX Runtime recognizes a pattern (such as GELU's nodes).
    /// </summary>
    public static T[] Run<T>(byte[] model, T[] input, int batch, int outputSize, GraphOptimizationLevel optimization)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = optimization,
        };
        using var session = new InferenceSession(model, options);
        using OrtValue inputValue = OrtValue.CreateTensorValueFromMemory(input, [batch, input.Length / batch]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input"], [inputValue], ["output"]);
        ReadOnlySpan<T> result = outputs[0].GetTensorDataAsSpan<T>();
        if (result.Length != batch * outputSize)
            throw new InvalidOperationException($"ONNX Runtime returned {result.Length} values; expected {batch} rows of {outputSize}.");
        return result.ToArray();
    }
}
