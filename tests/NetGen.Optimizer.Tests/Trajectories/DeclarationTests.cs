using System;
using System.Reflection;
using NetGen.Optimizer.Tests.Networks;
using NetGen.Optimizer.Tests.Support;
using Xunit;

namespace NetGen.Optimizer.Tests.Trajectories;

/// <summary>
/// The networks declare what the PyTorch script ran: otherwise a trajectory test could compare two
/// different optimizers, or pass for the wrong reason.
/// </summary>
public class DeclarationTests
{
    public static TheoryData<string> Names() => new(TrajectoryCatalog.Networks.Keys);

    [Fact]
    public void EveryRecordedCaseHasANetworkAndEveryNetworkACase()
    {
        var expectations = PyTorchExpectations.Instance;
        Assert.StartsWith("1.13", expectations.TorchVersion);
        Assert.Equal(expectations.Cases.Count, TrajectoryCatalog.Networks.Count);
        foreach (TrajectoryCase c in expectations.Cases)
        {
            Assert.True(TrajectoryCatalog.Networks.ContainsKey(c.Name), $"No network is declared for PyTorch's case {c.Name}.");
            Assert.Equal(5, c.Steps);
        }
    }

    [Fact]
    public void TheSharedBatchHasTheNetworksShape()
    {
        var expectations = PyTorchExpectations.Instance;
        INetwork<double> network = new SgdPlainNet();
        Assert.Equal(expectations.Batch * network.InputSize, expectations.Inputs.Length);
        Assert.Equal(expectations.Batch, expectations.Labels.Length);
        Assert.Equal(expectations.Batch * network.OutputSize, expectations.Targets.Length);
        Assert.Equal(network.ParameterCount, expectations.InitialParameters.Length);
        Assert.Equal(4 * 5 + 5 + 5 * 3 + 3, network.ParameterCount);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheAttributesCarryTheCasesHyperparameters(string name)
    {
        TrajectoryCase c = PyTorchExpectations.Instance.Case(name);
        TrajectoryCatalog.Entry entry = TrajectoryCatalog.Networks[name];
        INetwork<double> network = entry.Create();
        Assert.Equal(c.Loss, network.Loss);
        Assert.Equal(c.Hyperparameter("lr"), network.LearningRate);
        switch (c.Optimizer)
        {
            case "SGD":
                var sgd = Attribute<SgdAttribute>(entry.Type);
                Assert.Equal(c.Hyperparameter("lr"), sgd.LearningRate);
                Assert.Equal(c.Hyperparameter("momentum"), sgd.Momentum);
                Assert.Equal(c.Hyperparameter("dampening"), sgd.Dampening);
                Assert.Equal(c.Flag("nesterov"), sgd.Nesterov);
                Assert.Equal(c.Hyperparameter("weight_decay"), sgd.WeightDecay);
                break;
            case "Adam":
                var adam = Attribute<AdamAttribute>(entry.Type);
                Assert.Equal(c.Hyperparameter("lr"), adam.LearningRate);
                Assert.Equal(c.Hyperparameters["betas"][0].GetDouble(), adam.Beta1);
                Assert.Equal(c.Hyperparameters["betas"][1].GetDouble(), adam.Beta2);
                Assert.Equal(c.Hyperparameter("eps"), adam.Epsilon);
                Assert.Equal(c.Hyperparameter("weight_decay"), adam.WeightDecay);
                Assert.Equal(c.Flag("amsgrad"), adam.AmsGrad);
                break;
            case "AdamW":
                var adamW = Attribute<AdamWAttribute>(entry.Type);
                Assert.Equal(c.Hyperparameter("lr"), adamW.LearningRate);
                Assert.Equal(c.Hyperparameters["betas"][0].GetDouble(), adamW.Beta1);
                Assert.Equal(c.Hyperparameters["betas"][1].GetDouble(), adamW.Beta2);
                Assert.Equal(c.Hyperparameter("eps"), adamW.Epsilon);
                Assert.Equal(c.Hyperparameter("weight_decay"), adamW.WeightDecay);
                Assert.Equal(c.Flag("amsgrad"), adamW.AmsGrad);
                break;
            case "RMSprop":
                var rmsProp = Attribute<RmsPropAttribute>(entry.Type);
                Assert.Equal(c.Hyperparameter("lr"), rmsProp.LearningRate);
                Assert.Equal(c.Hyperparameter("alpha"), rmsProp.Alpha);
                Assert.Equal(c.Hyperparameter("eps"), rmsProp.Epsilon);
                Assert.Equal(c.Hyperparameter("momentum"), rmsProp.Momentum);
                Assert.Equal(c.Flag("centered"), rmsProp.Centered);
                Assert.Equal(c.Hyperparameter("weight_decay"), rmsProp.WeightDecay);
                break;
            default:
                throw new InvalidOperationException($"Unknown PyTorch optimizer {c.Optimizer} in case {name}.");
        }
    }

    private static TAttribute Attribute<TAttribute>(Type type) where TAttribute : Attribute =>
        type.GetCustomAttribute<TAttribute>() ?? throw new InvalidOperationException($"{type.Name} does not declare [{typeof(TAttribute).Name}].");
}
