using System;
using System.Collections.Generic;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>
/// The layer-list engine: what a careful .NET developer writes without a generator. A list of layer
/// objects, each with Forward and Backward over arrays the network allocates once for a maximum
/// batch, <c>TensorPrimitives</c> for the vector math, a fused output layer for the loss, and an
/// optimizer over the list of parameter tensors. Sizes are run-time values and every stage is a
/// virtual call, which is the cost a generated fixed-shape network does not pay.
/// </summary>
public sealed class LayerListNetwork
{
    private readonly Layer[] _layers;
    private readonly OutputLayer _output;
    private readonly Optimizer _optimizer;
    private readonly float[][] _outputs, _outputGradients;
    private readonly int _maxBatch;

    public LayerListNetwork(int inputSize, Layer[] layers, OutputLayer output, Func<IReadOnlyList<Parameter>, Optimizer> optimizer, int maxBatch)
    {
        (InputSize, _layers, _output, _maxBatch) = (inputSize, layers, output, maxBatch);
        OutputSize = layers[^1].OutputSize;
        var parameters = new List<Parameter>();
        _outputs = new float[layers.Length][];
        _outputGradients = new float[layers.Length][];
        int previous = inputSize;
        for (int l = 0; l < layers.Length; l++)
        {
            if (layers[l].InputSize != previous)
                throw new ArgumentException($"Layer {l} takes {layers[l].InputSize} inputs; the layer before gives {previous}.", nameof(layers));
            parameters.AddRange(layers[l].Parameters);
            _outputs[l] = new float[maxBatch * layers[l].OutputSize];
            _outputGradients[l] = new float[maxBatch * layers[l].OutputSize];
            previous = layers[l].OutputSize;
        }
        Parameters = parameters;
        foreach (Parameter parameter in parameters)
            ParameterCount += parameter.Value.Length;
        _optimizer = optimizer(parameters);
    }

    /// <summary>
    /// A network of <see cref="DenseLayer"/>s, each followed by its activation layer, as NetGen's
    /// attributes declare it: the last layer's Softmax (with CrossEntropy) or Identity (with
    /// MeanSquaredError) becomes the output layer.
    /// </summary>
    public static LayerListNetwork Create(int inputSize, IReadOnlyList<(int Size, Activation Activation)> layers, Loss loss,
        Func<IReadOnlyList<Parameter>, Optimizer> optimizer, int maxBatch)
    {
        var list = new List<Layer>();
        int previous = inputSize;
        for (int l = 0; l < layers.Count; l++)
        {
            (int size, Activation activation) = layers[l];
            list.Add(new DenseLayer(previous, size));
            bool last = l == layers.Count - 1;
            if (last)
                break;
            list.Add(activation switch
            {
                Activation.Sigmoid => new SigmoidLayer(size),
                Activation.Tanh => new TanhLayer(size),
                Activation.ReLU => new ReluLayer(size),
                _ => throw new NotSupportedException($"No hidden layer for {activation}."),
            });
            previous = size;
        }
        OutputLayer output = (loss, layers[^1].Activation) switch
        {
            (Loss.CrossEntropy, Activation.Softmax) => new SoftmaxCrossEntropyLayer(),
            (Loss.MeanSquaredError, Activation.Identity) => new MeanSquaredErrorLayer(),
            _ => throw new NotSupportedException($"No output layer for {loss} after {layers[^1].Activation}."),
        };
        return new LayerListNetwork(inputSize, [.. list], output, optimizer, maxBatch);
    }

    public int InputSize { get; }
    public int OutputSize { get; }
    public int ParameterCount { get; }

    /// <summary>The parameter tensors in PyTorch's order: per dense layer, weight [out, in], then bias.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        int batch = Batch(input);
        _output.Infer(RunForward(input, batch), output, batch, OutputSize);
    }

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        int batch = Batch(inputs);
        float loss = _output.Loss(RunForward(inputs, batch), labels, _outputGradients[^1], batch, OutputSize);
        RunBackward(inputs, batch);
        return loss;
    }

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        int batch = Batch(inputs);
        float loss = _output.Loss(RunForward(inputs, batch), targets, _outputGradients[^1], batch, OutputSize);
        RunBackward(inputs, batch);
        return loss;
    }

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        float loss = ComputeGradients(inputs, labels);
        _optimizer.Step();
        return loss;
    }

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        float loss = ComputeGradients(inputs, targets);
        _optimizer.Step();
        return loss;
    }

    public void ImportParameters(ReadOnlySpan<float> source)
    {
        if (source.Length != ParameterCount)
            throw new ArgumentException($"Expected {ParameterCount} parameters, got {source.Length}.", nameof(source));
        foreach (Parameter parameter in Parameters)
        {
            source.Slice(0, parameter.Value.Length).CopyTo(parameter.Value);
            source = source.Slice(parameter.Value.Length);
        }
    }

    public void ExportParameters(Span<float> destination) => Export(destination, gradients: false);

    public void ExportGradients(Span<float> destination) => Export(destination, gradients: true);

    private void Export(Span<float> destination, bool gradients)
    {
        if (destination.Length != ParameterCount)
            throw new ArgumentException($"Expected room for {ParameterCount} values, got {destination.Length}.", nameof(destination));
        foreach (Parameter parameter in Parameters)
        {
            (gradients ? parameter.Gradient : parameter.Value).CopyTo(destination);
            destination = destination.Slice(parameter.Value.Length);
        }
    }

    private int Batch(ReadOnlySpan<float> input)
    {
        int batch = input.Length / InputSize;
        if (batch < 1 || batch > _maxBatch || batch * InputSize != input.Length)
            throw new ArgumentException($"Expected 1 to {_maxBatch} rows of {InputSize} values, got {input.Length} values.", nameof(input));
        return batch;
    }

    private ReadOnlySpan<float> RunForward(ReadOnlySpan<float> input, int batch)
    {
        ReadOnlySpan<float> current = input;
        for (int l = 0; l < _layers.Length; l++)
        {
            _layers[l].Forward(current, _outputs[l], batch);
            current = _outputs[l].AsSpan(0, batch * _layers[l].OutputSize);
        }
        return current;
    }

    private void RunBackward(ReadOnlySpan<float> input, int batch)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            ReadOnlySpan<float> layerInput = l == 0 ? input : _outputs[l - 1];
            Span<float> inputGradient = l == 0 ? default : _outputGradients[l - 1];
            _layers[l].Backward(layerInput, _outputs[l], _outputGradients[l], inputGradient, batch);
        }
    }
}
