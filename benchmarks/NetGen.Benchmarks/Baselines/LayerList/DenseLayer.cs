using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary><c>y = W·x + b</c> with W [out, in] row-major, PyTorch's <c>nn.Linear</c> layout.</summary>
public sealed class DenseLayer : Layer
{
    private readonly Parameter _weight, _bias;

    public DenseLayer(int inputSize, int outputSize) : base(inputSize, outputSize)
    {
        _weight = new Parameter(outputSize * inputSize);
        _bias = new Parameter(outputSize);
        Parameters = [_weight, _bias];
    }

    public override IReadOnlyList<Parameter> Parameters { get; }

    public override void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        ReadOnlySpan<float> weight = _weight.Value, bias = _bias.Value;
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<float> x = input.Slice(s * InputSize, InputSize);
            Span<float> y = output.Slice(s * OutputSize, OutputSize);
            for (int o = 0; o < OutputSize; o++)
                y[o] = TensorPrimitives.Dot(weight.Slice(o * InputSize, InputSize), x) + bias[o];
        }
    }

    public override void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> output, ReadOnlySpan<float> outputGradient,
        Span<float> inputGradient, int batch)
    {
        ReadOnlySpan<float> weight = _weight.Value;
        Span<float> weightGradient = _weight.Gradient, biasGradient = _bias.Gradient;
        weightGradient.Clear();
        biasGradient.Clear();
        for (int s = 0; s < batch; s++)
        {
            ReadOnlySpan<float> x = input.Slice(s * InputSize, InputSize);
            ReadOnlySpan<float> dy = outputGradient.Slice(s * OutputSize, OutputSize);
            // dW += dy ⊗ x, one row of W at a time; db += dy.
            for (int o = 0; o < OutputSize; o++)
            {
                Span<float> row = weightGradient.Slice(o * InputSize, InputSize);
                TensorPrimitives.MultiplyAdd(x, dy[o], row, row);
            }
            TensorPrimitives.Add(biasGradient, dy, biasGradient);
            if (inputGradient.IsEmpty)
                continue;
            // dx = Wᵀ·dy, as a sum of W's rows scaled by dy.
            Span<float> dx = inputGradient.Slice(s * InputSize, InputSize);
            dx.Clear();
            for (int o = 0; o < OutputSize; o++)
                TensorPrimitives.MultiplyAdd(weight.Slice(o * InputSize, InputSize), dy[o], dx, dx);
        }
    }
}
