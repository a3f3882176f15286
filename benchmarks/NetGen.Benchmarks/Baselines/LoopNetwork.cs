using System;
using NetGen;

namespace NetGen.Benchmarks.Baselines;

/// <summary>
/// The straightforward way to write an MLP without a generator: a list of layers, each with its
/// weight matrix [out, in] and bias, nested loops, and an activation chosen at run time. It
/// allocates its buffers up front for a maximum batch, so the comparison is about the code, not the GC.
/// </summary>
public sealed class LoopNetwork
{
    private readonly Layer[] _layers;
    private readonly float _learningRate;

    public LoopNetwork(int inputSize, (int Size, Activation Activation)[] layers, float learningRate, int maxBatch, int seed)
    {
        var random = new SeededRandom(seed);
        _layers = new Layer[layers.Length];
        int previous = inputSize;
        for (int l = 0; l < layers.Length; l++)
        {
            _layers[l] = new Layer(previous, layers[l].Size, layers[l].Activation, maxBatch, random);
            previous = layers[l].Size;
        }
        _learningRate = learningRate;
    }

    private int OutputSize => _layers[^1].OutputSize;

    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        ReadOnlySpan<float> current = input;
        foreach (Layer layer in _layers)
        {
            layer.Forward(current, batch);
            current = layer.Output.AsSpan(0, batch * layer.OutputSize);
        }
        current.CopyTo(output);
    }

    /// <summary>Softmax cross-entropy against labels, backpropagation, and an SGD step; returns the mean loss.</summary>
    public float TrainStep(ReadOnlySpan<float> input, ReadOnlySpan<int> labels, int batch)
    {
        Layer last = _layers[^1];
        ReadOnlySpan<float> current = input;
        foreach (Layer layer in _layers)
        {
            layer.Forward(current, batch);
            current = layer.Output.AsSpan(0, batch * layer.OutputSize);
        }
        float loss = 0;
        for (int s = 0; s < batch; s++)
        {
            for (int o = 0; o < OutputSize; o++)
            {
                float p = last.Output[s * OutputSize + o];
                float target = o == labels[s] ? 1 : 0;
                if (target != 0)
                    loss -= MathF.Log(p);
                last.Delta[s * OutputSize + o] = (p - target) / batch;
            }
        }
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            ReadOnlySpan<float> layerInput = l == 0 ? input : _layers[l - 1].Output;
            _layers[l].Backward(layerInput, l == 0 ? null : _layers[l - 1], batch);
        }
        foreach (Layer layer in _layers)
            layer.Update(_learningRate);
        return loss / batch;
    }

    private sealed class Layer
    {
        public readonly int InputSize, OutputSize;
        public readonly Activation Activation;
        public readonly float[] Weights, Bias, WeightGradients, BiasGradients, Output, Delta;

        public Layer(int inputSize, int outputSize, Activation activation, int maxBatch, SeededRandom random)
        {
            (InputSize, OutputSize, Activation) = (inputSize, outputSize, activation);
            Weights = new float[outputSize * inputSize];
            for (int k = 0; k < Weights.Length; k++)
                Weights[k] = (float)(random.NextNormal() * Math.Sqrt(1.0 / inputSize));
            Bias = new float[outputSize];
            WeightGradients = new float[Weights.Length];
            BiasGradients = new float[outputSize];
            Output = new float[maxBatch * outputSize];
            Delta = new float[maxBatch * outputSize];
        }

        public void Forward(ReadOnlySpan<float> input, int batch)
        {
            for (int s = 0; s < batch; s++)
            {
                for (int o = 0; o < OutputSize; o++)
                {
                    float z = Bias[o];
                    for (int i = 0; i < InputSize; i++)
                        z += Weights[o * InputSize + i] * input[s * InputSize + i];
                    Output[s * OutputSize + o] = Activation switch
                    {
                        Activation.Sigmoid => 1f / (1f + MathF.Exp(-z)),
                        Activation.Tanh => MathF.Tanh(z),
                        Activation.ReLU => MathF.Max(z, 0f),
                        _ => z,
                    };
                }
                if (Activation == Activation.Softmax)
                {
                    Span<float> row = Output.AsSpan(s * OutputSize, OutputSize);
                    float max = float.NegativeInfinity, sum = 0;
                    foreach (float v in row)
                        max = MathF.Max(max, v);
                    for (int o = 0; o < OutputSize; o++)
                        sum += row[o] = MathF.Exp(row[o] - max);
                    for (int o = 0; o < OutputSize; o++)
                        row[o] /= sum;
                }
            }
        }

        /// <summary>Delta holds the gradient at this layer's pre-activation; fills the gradients and the previous layer's delta.</summary>
        public void Backward(ReadOnlySpan<float> input, Layer? previous, int batch)
        {
            Array.Clear(WeightGradients);
            Array.Clear(BiasGradients);
            for (int s = 0; s < batch; s++)
            {
                for (int o = 0; o < OutputSize; o++)
                {
                    float d = Delta[s * OutputSize + o];
                    BiasGradients[o] += d;
                    for (int i = 0; i < InputSize; i++)
                        WeightGradients[o * InputSize + i] += d * input[s * InputSize + i];
                }
                if (previous is null)
                    continue;
                for (int i = 0; i < InputSize; i++)
                {
                    float sum = 0;
                    for (int o = 0; o < OutputSize; o++)
                        sum += Weights[o * InputSize + i] * Delta[s * OutputSize + o];
                    float a = previous.Output[s * InputSize + i];
                    previous.Delta[s * InputSize + i] = sum * previous.Activation switch
                    {
                        Activation.Sigmoid => a * (1 - a),
                        Activation.Tanh => 1 - a * a,
                        Activation.ReLU => a > 0 ? 1 : 0,
                        _ => 1,
                    };
                }
            }
        }

        public void Update(float learningRate)
        {
            for (int k = 0; k < Weights.Length; k++)
                Weights[k] -= learningRate * WeightGradients[k];
            for (int o = 0; o < OutputSize; o++)
                Bias[o] -= learningRate * BiasGradients[o];
        }
    }
}
