using System.Collections.Generic;

namespace NetGen.Benchmarks.Baselines.LayerList;

/// <summary>Updates a fixed list of parameters from their gradients, one parameter tensor at a time.</summary>
public abstract class Optimizer(IReadOnlyList<Parameter> parameters)
{
    protected IReadOnlyList<Parameter> Parameters { get; } = parameters;

    public abstract void Step();
}
