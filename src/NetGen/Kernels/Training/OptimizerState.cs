using System;
using System.Collections.Generic;
using System.Numerics;

namespace NetGen.Kernels;

/// <summary>
/// The state of a network's optimizer: its learning rate, the number of steps taken, and the per-parameter
/// arrays its settings use (only those), with the step on any block of parameters. Each parameter's update
/// depends on that parameter alone, so any split of the parameters into blocks gives the same result.
/// </summary>
internal sealed class OptimizerState<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly OptimizerSettings<T> _settings;
    // Sgd: the momentum buffer b. Adam: the moments m and v, and the running maximum of v (AMSGrad).
    // RmsProp: the squared-gradient average s, the gradient average (centered) and the momentum buffer b.
    private readonly AlignedArray<T> _first, _second, _third;

    public OptimizerState(OptimizerSettings<T> settings, int parameterCount)
    {
        _settings = settings;
        LearningRate = settings.LearningRate;
        AlignedArray<T> State(bool used) => new(used ? parameterCount : 0);
        (_first, _second, _third) = settings.Optimizer switch
        {
            OptimizerSettings<T>.Kind.Sgd => (State(settings.Momentum != T.Zero), State(false), State(false)),
            OptimizerSettings<T>.Kind.Adam => (State(true), State(true), State(settings.AmsGrad)),
            _ => (State(true), State(settings.Centered), State(settings.Momentum > T.Zero)),
        };
    }

    public T LearningRate { get; set; }

    /// <summary>Steps taken since the start or the last <see cref="Reset"/>; the step being taken during <see cref="Update"/>.</summary>
    public long Step { get; set; }

    /// <summary>The step on parameters [start, start + length), given from their origin in <paramref name="parameters"/>.</summary>
    public void Update(Span<T> parameters, ReadOnlySpan<T> gradients, int start, int length)
    {
        OptimizerSettings<T> s = _settings;
        Span<T> p = parameters.Slice(start, length);
        ReadOnlySpan<T> g = gradients.Slice(start, length);
        switch (s.Optimizer)
        {
            case OptimizerSettings<T>.Kind.Sgd:
                Optimizers.Sgd<T>(p, g, Slice(_first, start, length), LearningRate, s.Momentum, s.Dampening, s.Nesterov, s.WeightDecay, firstStep: Step == 1);
                break;
            case OptimizerSettings<T>.Kind.Adam:
                Optimizers.Adam<T>(p, g, Slice(_first, start, length), Slice(_second, start, length), Slice(_third, start, length), LearningRate,
                    s.Beta1, s.Beta2, s.Epsilon, s.WeightDecay, s.DecoupledWeightDecay, s.AmsGrad, Step);
                break;
            default:
                Optimizers.RmsProp<T>(p, g, Slice(_first, start, length), Slice(_second, start, length), Slice(_third, start, length), LearningRate,
                    s.Alpha, s.Epsilon, s.Momentum, s.Centered, s.WeightDecay);
                break;
        }
    }

    /// <summary>Clears the state arrays and the step count, as if no step had been taken.</summary>
    public void Reset()
    {
        _first.Span.Clear();
        _second.Span.Clear();
        _third.Span.Clear();
        Step = 0;
    }

    /// <summary>Gives <paramref name="copy"/>, made with the same settings, this state.</summary>
    public void CopyTo(OptimizerState<T> copy)
    {
        _first.Span.CopyTo(copy._first.Span);
        _second.Span.CopyTo(copy._second.Span);
        _third.Span.CopyTo(copy._third.Span);
        copy.Step = Step;
        copy.LearningRate = LearningRate;
    }

    /// <summary>
    /// The state arrays the settings use, each by the name PyTorch's optimizer gives it in its state_dict
    /// (SGD's <c>momentum_buffer</c>; Adam's <c>exp_avg</c>, <c>exp_avg_sq</c> and <c>max_exp_avg_sq</c>; RMSprop's
    /// <c>square_avg</c>, <c>grad_avg</c> and <c>momentum_buffer</c>), in the parameters' internal layout.
    /// </summary>
    public IEnumerable<(string Name, AlignedArray<T> Values)> Arrays
    {
        get
        {
            string[] names = _settings.Optimizer switch
            {
                OptimizerSettings<T>.Kind.Sgd => ["momentum_buffer", "", ""],
                OptimizerSettings<T>.Kind.Adam => ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
                _ => ["square_avg", "grad_avg", "momentum_buffer"],
            };
            AlignedArray<T>[] arrays = [_first, _second, _third];
            for (int k = 0; k < 3; k++)
                if (arrays[k].Length > 0)
                    yield return (names[k], arrays[k]);
        }
    }

    // An unused state array is empty, and its span too, as the kernels expect.
    private static Span<T> Slice(AlignedArray<T> state, int start, int length) => state.Length == 0 ? default : state.Slice(start, length);
}
