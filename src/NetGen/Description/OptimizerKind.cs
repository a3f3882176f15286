namespace NetGen;

/// <summary>The optimizer a network declares, one of its attributes: <see cref="SgdAttribute"/>, <see cref="AdamAttribute"/>, <see cref="AdamWAttribute"/> or <see cref="RmsPropAttribute"/>.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, with optional momentum (PyTorch's <c>torch.optim.SGD</c>).</summary>
    Sgd,
    /// <summary>Adam, weight decay added to the gradient (<c>torch.optim.Adam</c>).</summary>
    Adam,
    /// <summary>Adam with decoupled weight decay (<c>torch.optim.AdamW</c>).</summary>
    AdamW,
    /// <summary>RMSprop (<c>torch.optim.RMSprop</c>).</summary>
    RmsProp,
}
