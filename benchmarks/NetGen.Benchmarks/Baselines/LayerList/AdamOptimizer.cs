using System;
using System.Collections.Generic;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>
/// Adam as PyTorch computes it: <c>m = β1·m + (1 − β1)·g</c>, <c>v = β2·v + (1 − β2)·g²</c>,
/// <c>p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)</c>; written as a sequence of
/// <see cref="TensorPrimitives"/> passes over each parameter tensor with one scratch buffer.
/// </summary>
public sealed class AdamOptimizer : Optimizer
{
    private readonly float _learningRate, _beta1, _beta2, _epsilon;
    private readonly float[][] _firstMoments, _secondMoments;
    private readonly float[] _scratch;
    private long _step;

    public AdamOptimizer(IReadOnlyList<Parameter> parameters, float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
        : base(parameters)
    {
        (_learningRate, _beta1, _beta2, _epsilon) = (learningRate, beta1, beta2, epsilon);
        _firstMoments = new float[parameters.Count][];
        _secondMoments = new float[parameters.Count][];
        int largest = 0;
        for (int k = 0; k < parameters.Count; k++)
        {
            _firstMoments[k] = new float[parameters[k].Value.Length];
            _secondMoments[k] = new float[parameters[k].Value.Length];
            largest = Math.Max(largest, parameters[k].Value.Length);
        }
        _scratch = new float[largest];
    }

    public override void Step()
    {
        _step++;
        float stepSize = (float)(_learningRate / (1.0 - Math.Pow(_beta1, _step)));
        float inverseCorrection2Root = (float)(1.0 / Math.Sqrt(1.0 - Math.Pow(_beta2, _step)));
        for (int k = 0; k < Parameters.Count; k++)
        {
            Span<float> p = Parameters[k].Value, m = _firstMoments[k], v = _secondMoments[k];
            ReadOnlySpan<float> g = Parameters[k].Gradient;
            Span<float> scratch = _scratch.AsSpan(0, p.Length);
            TensorPrimitives.Multiply(m, _beta1, m);
            TensorPrimitives.MultiplyAdd(g, 1 - _beta1, m, m);
            TensorPrimitives.Multiply(g, g, scratch);
            TensorPrimitives.Multiply(v, _beta2, v);
            TensorPrimitives.MultiplyAdd(scratch, 1 - _beta2, v, v);
            TensorPrimitives.Sqrt(v, scratch);
            TensorPrimitives.Multiply(scratch, inverseCorrection2Root, scratch);
            TensorPrimitives.Add(scratch, _epsilon, scratch);
            TensorPrimitives.Divide(m, scratch, scratch);
            TensorPrimitives.MultiplyAdd(scratch, -stepSize, p, p);
        }
    }
}
