using System;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The update rules of torch.optim.SGD, Adam, AdamW and RMSprop, one parameter at a time in double,
/// written from PyTorch's documented algorithms (the single-tensor, non-fused code path).
/// </summary>
public abstract class ReferenceOptimizer(double learningRate)
{
    public double LearningRate { get; } = learningRate;

    protected int Step { get; private set; }

    /// <summary>One step over every parameter; the buffers start at zero on the first.</summary>
    public void Apply(double[] parameters, double[] gradients)
    {
        if (Step == 0)
            Reset(parameters.Length);
        Step++;
        for (int k = 0; k < parameters.Length; k++)
            parameters[k] = Update(k, parameters[k], gradients[k]);
    }

    /// <summary>Zeroes the buffers for <paramref name="count"/> parameters.</summary>
    protected abstract void Reset(int count);

    protected abstract double Update(int k, double p, double g);
}

/// <summary>g = ∇ + λp; b = μb + (1 − τ)g (b = g at step 1); g = nesterov ? g + μb : b; p = p − lr·g.</summary>
public sealed class ReferenceSgd(double learningRate, double momentum = 0, double dampening = 0, bool nesterov = false, double weightDecay = 0)
    : ReferenceOptimizer(learningRate)
{
    private double[] _buffer = [];

    protected override void Reset(int count) => _buffer = new double[count];

    protected override double Update(int k, double p, double g)
    {
        g += weightDecay * p;
        if (momentum != 0)
        {
            _buffer[k] = Step == 1 ? g : momentum * _buffer[k] + (1 - dampening) * g;
            g = nesterov ? g + momentum * _buffer[k] : _buffer[k];
        }
        return p - LearningRate * g;
    }
}

/// <summary>
/// Adam (L2 penalty added to the gradient) or AdamW (decoupled decay p·(1 − lr·λ) first); then
/// m = β1·m + (1 − β1)g, v = β2·v + (1 − β2)g², v̂max = max(v̂max, v) with AMSGrad, and
/// p = p − lr/(1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε).
/// </summary>
public sealed class ReferenceAdam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
    double weightDecay = 0, bool decoupled = false, bool amsGrad = false) : ReferenceOptimizer(learningRate)
{
    private double[] _m = [], _v = [], _vMax = [];

    protected override void Reset(int count) => (_m, _v, _vMax) = (new double[count], new double[count], new double[count]);

    protected override double Update(int k, double p, double g)
    {
        if (decoupled)
            p *= 1 - LearningRate * weightDecay;
        else
            g += weightDecay * p;
        _m[k] = beta1 * _m[k] + (1 - beta1) * g;
        _v[k] = beta2 * _v[k] + (1 - beta2) * g * g;
        double v = _v[k];
        if (amsGrad)
            v = _vMax[k] = Math.Max(_vMax[k], _v[k]);
        double stepSize = LearningRate / (1 - Math.Pow(beta1, Step));
        double denominator = Math.Sqrt(v) / Math.Sqrt(1 - Math.Pow(beta2, Step)) + epsilon;
        return p - stepSize * _m[k] / denominator;
    }
}

/// <summary>
/// g = ∇ + λp; s = α·s + (1 − α)g²; centered: ḡ = α·ḡ + (1 − α)g and d = √(s − ḡ²) + ε, else
/// d = √s + ε; with momentum μ, b = μb + g/d and p = p − lr·b, else p = p − lr·g/d.
/// </summary>
public sealed class ReferenceRmsProp(double learningRate, double alpha = 0.99, double epsilon = 1e-8, double momentum = 0,
    bool centered = false, double weightDecay = 0) : ReferenceOptimizer(learningRate)
{
    private double[] _square = [], _mean = [], _buffer = [];

    protected override void Reset(int count) => (_square, _mean, _buffer) = (new double[count], new double[count], new double[count]);

    protected override double Update(int k, double p, double g)
    {
        g += weightDecay * p;
        _square[k] = alpha * _square[k] + (1 - alpha) * g * g;
        double denominator;
        if (centered)
        {
            _mean[k] = alpha * _mean[k] + (1 - alpha) * g;
            denominator = Math.Sqrt(_square[k] - _mean[k] * _mean[k]) + epsilon;
        }
        else
        {
            denominator = Math.Sqrt(_square[k]) + epsilon;
        }
        if (momentum > 0)
        {
            _buffer[k] = momentum * _buffer[k] + g / denominator;
            return p - LearningRate * _buffer[k];
        }
        return p - LearningRate * g / denominator;
    }
}
