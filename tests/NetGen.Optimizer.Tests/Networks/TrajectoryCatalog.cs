using System;
using System.Collections.Generic;

namespace NetGen.Optimizer.Tests.Networks;

/// <summary>The network declared for each PyTorch case, by the case's name.</summary>
public static class TrajectoryCatalog
{
    public sealed record Entry(Type Type, Func<INetwork<double>> Create);

    public static IReadOnlyDictionary<string, Entry> Networks { get; } = new Dictionary<string, Entry>
    {
        ["SgdPlain"] = new(typeof(SgdPlainNet), () => new SgdPlainNet()),
        ["SgdMomentum"] = new(typeof(SgdMomentumNet), () => new SgdMomentumNet()),
        ["SgdMomentumDampening"] = new(typeof(SgdMomentumDampeningNet), () => new SgdMomentumDampeningNet()),
        ["SgdNesterov"] = new(typeof(SgdNesterovNet), () => new SgdNesterovNet()),
        ["SgdWeightDecay"] = new(typeof(SgdWeightDecayNet), () => new SgdWeightDecayNet()),
        ["SgdMomentumWeightDecay"] = new(typeof(SgdMomentumWeightDecayNet), () => new SgdMomentumWeightDecayNet()),
        ["AdamDefault"] = new(typeof(AdamDefaultNet), () => new AdamDefaultNet()),
        ["AdamWeightDecay"] = new(typeof(AdamWeightDecayNet), () => new AdamWeightDecayNet()),
        ["AdamAmsGrad"] = new(typeof(AdamAmsGradNet), () => new AdamAmsGradNet()),
        ["AdamCustom"] = new(typeof(AdamCustomNet), () => new AdamCustomNet()),
        ["AdamWDefault"] = new(typeof(AdamWDefaultNet), () => new AdamWDefaultNet()),
        ["AdamWAmsGrad"] = new(typeof(AdamWAmsGradNet), () => new AdamWAmsGradNet()),
        ["RmsPropDefault"] = new(typeof(RmsPropDefaultNet), () => new RmsPropDefaultNet()),
        ["RmsPropCentered"] = new(typeof(RmsPropCenteredNet), () => new RmsPropCenteredNet()),
        ["RmsPropMomentum"] = new(typeof(RmsPropMomentumNet), () => new RmsPropMomentumNet()),
        ["RmsPropCenteredMomentumWeightDecay"] = new(typeof(RmsPropCenteredMomentumWeightDecayNet), () => new RmsPropCenteredMomentumWeightDecayNet()),
        ["SgdMomentumScheduled"] = new(typeof(SgdMomentumScheduledNet), () => new SgdMomentumScheduledNet()),
        ["AdamWScheduled"] = new(typeof(AdamWScheduledNet), () => new AdamWScheduledNet()),
    };

    /// <summary>Cases whose optimizer keeps state between steps (momentum, moments, averages).</summary>
    public static bool IsStateful(string name) => name is not ("SgdPlain" or "SgdWeightDecay");
}
