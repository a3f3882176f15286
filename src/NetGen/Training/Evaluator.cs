using System;
using System.Numerics;

namespace NetGen;

/// <summary>Runs a network over a data set in batches and measures its loss and accuracy from the outputs.</summary>
internal sealed class Evaluator<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private const int BatchSize = 256;
    private const double LogFloor = -100; // PyTorch's BCELoss clamps its logarithms here too.
    private readonly INetwork<T> _network;
    private readonly T[] _inputs;
    private readonly T[] _outputs;

    public Evaluator(INetwork<T> network)
    {
        _network = network;
        _inputs = new T[BatchSize * network.InputSize];
        _outputs = new T[BatchSize * network.OutputSize];
    }

    public (double Loss, double? Accuracy) Evaluate(Dataset<T> data)
    {
        int outputs = _network.OutputSize;
        double loss = 0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += BatchSize)
        {
            int count = Math.Min(BatchSize, data.Count - start);
            data.Features.AsSpan(start * data.FeatureCount, count * data.FeatureCount).CopyTo(_inputs);
            Span<T> batchOutputs = _outputs.AsSpan(0, count * outputs);
            _network.Forward(_inputs.AsSpan(0, count * data.FeatureCount), batchOutputs);
            for (int k = 0; k < count; k++)
            {
                ReadOnlySpan<T> row = batchOutputs.Slice(k * outputs, outputs);
                int sample = start + k;
                if (data.Labels is { } labels)
                {
                    loss += LabelLoss(row, labels[sample]);
                    correct += Kernels.Predictions.Decide(row, _network.OutputThreshold) == labels[sample] ? 1 : 0;
                }
                else
                {
                    loss += TargetLoss(row, data.Targets.AsSpan(sample * outputs, outputs));
                }
            }
        }
        return (loss / data.Count, data.Labels is null ? null : (double)correct / data.Count);
    }

    private double LabelLoss(ReadOnlySpan<T> output, int label)
    {
        if (output.Length == 1)
            return TargetLoss(output, [T.CreateChecked(label)]);
        if (_network.Loss == Loss.CrossEntropy)
            return -Log(output[label]);
        Span<T> target = stackalloc T[output.Length];
        target.Clear();
        target[label] = T.One;
        return TargetLoss(output, target);
    }

    /// <summary>One sample's loss: the mean over outputs for MSE and BCE, the sum for cross-entropy, as the losses are defined.</summary>
    private double TargetLoss(ReadOnlySpan<T> output, ReadOnlySpan<T> target)
    {
        double sum = 0;
        for (int j = 0; j < output.Length; j++)
        {
            double y = double.CreateChecked(output[j]), t = double.CreateChecked(target[j]);
            sum += _network.Loss switch
            {
                Loss.CrossEntropy => -t * Log(output[j]),
                Loss.BinaryCrossEntropy => -(t * Log(output[j]) + (1 - t) * Math.Max(Math.Log(1 - y), LogFloor)),
                _ => (y - t) * (y - t),
            };
        }
        return _network.Loss == Loss.CrossEntropy ? sum : sum / output.Length;
    }

    private static double Log(T probability) => Math.Max(Math.Log(double.CreateChecked(probability)), LogFloor);
}
