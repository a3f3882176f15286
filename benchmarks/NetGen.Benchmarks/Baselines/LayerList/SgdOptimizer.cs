using System.Collections.Generic;
using System.Numerics.Tensors;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>Plain SGD: <c>p = p − lr·g</c>.</summary>
public sealed class SgdOptimizer(IReadOnlyList<Parameter> parameters, float learningRate) : Optimizer(parameters)
{
    public override void Step()
    {
        // An index loop: foreach over the IReadOnlyList interface would box its enumerator every step.
        for (int k = 0; k < Parameters.Count; k++)
        {
            Parameter parameter = Parameters[k];
            TensorPrimitives.MultiplyAdd(parameter.Gradient, -learningRate, parameter.Value, parameter.Value);
        }
    }
}
