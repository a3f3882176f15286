using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Networks;

/// <summary>
/// The declared networks that theories run over, by name: xunit shows the name, the test looks the
/// case up here.
/// </summary>
public static class NetworkCatalog
{
    /// <summary>Double networks for the finite-difference check, covering every activation, loss and depth.</summary>
    public static IReadOnlyList<NetworkCase<double>> GradientCheck { get; } =
    [
        Case(nameof(IdentityHiddenMseIdentityNet), s => new IdentityHiddenMseIdentityNet(s), IdentityHiddenMseIdentityNet.Architecture),
        Case(nameof(SigmoidHiddenMseSigmoidNet), s => new SigmoidHiddenMseSigmoidNet(s), SigmoidHiddenMseSigmoidNet.Architecture),
        Case(nameof(TanhHiddenMseTanhNet), s => new TanhHiddenMseTanhNet(s), TanhHiddenMseTanhNet.Architecture),
        Case(nameof(ReLUHiddenMseSoftmaxNet), s => new ReLUHiddenMseSoftmaxNet(s), ReLUHiddenMseSoftmaxNet.Architecture),
        Case(nameof(LeakyReLUHiddenCrossEntropyNet), s => new LeakyReLUHiddenCrossEntropyNet(s), LeakyReLUHiddenCrossEntropyNet.Architecture),
        Case(nameof(TanhHiddenCrossEntropyNet), s => new TanhHiddenCrossEntropyNet(s), TanhHiddenCrossEntropyNet.Architecture),
        Case(nameof(SigmoidHiddenBinaryNet), s => new SigmoidHiddenBinaryNet(s), SigmoidHiddenBinaryNet.Architecture),
        Case(nameof(ReLUHiddenMultiBinaryNet), s => new ReLUHiddenMultiBinaryNet(s), ReLUHiddenMultiBinaryNet.Architecture),
        Case(nameof(IdentityHiddenCrossEntropyNet), s => new IdentityHiddenCrossEntropyNet(s), IdentityHiddenCrossEntropyNet.Architecture),
        Case(nameof(LeakyReLUHiddenBinaryNet), s => new LeakyReLUHiddenBinaryNet(s), LeakyReLUHiddenBinaryNet.Architecture),
        Case(nameof(SigmoidHiddenCrossEntropyNet), s => new SigmoidHiddenCrossEntropyNet(s), SigmoidHiddenCrossEntropyNet.Architecture),
        Case(nameof(TanhHiddenMultiBinaryNet), s => new TanhHiddenMultiBinaryNet(s), TanhHiddenMultiBinaryNet.Architecture),
        Case(nameof(ReLUHiddenMseIdentityNet), s => new ReLUHiddenMseIdentityNet(s), ReLUHiddenMseIdentityNet.Architecture),
        Case(nameof(LeakyReLUHiddenMseTanhNet), s => new LeakyReLUHiddenMseTanhNet(s), LeakyReLUHiddenMseTanhNet.Architecture),
        Case(nameof(IdentityHiddenMseSigmoidNet), s => new IdentityHiddenMseSigmoidNet(s), IdentityHiddenMseSigmoidNet.Architecture),
        Case(nameof(LogisticRegressionNet), s => new LogisticRegressionNet(s), LogisticRegressionNet.Architecture),
        Case(nameof(ReLUHiddenScalarTanhNet), s => new ReLUHiddenScalarTanhNet(s), ReLUHiddenScalarTanhNet.Architecture),
        Case(nameof(SigmoidHiddenWideBinaryNet), s => new SigmoidHiddenWideBinaryNet(s), SigmoidHiddenWideBinaryNet.Architecture),
        Case(nameof(ScalarInputTanhNet), s => new ScalarInputTanhNet(s), ScalarInputTanhNet.Architecture),
        Case(nameof(SteepLeakyReLUMseIdentityNet), s => new SteepLeakyReLUMseIdentityNet(s), SteepLeakyReLUMseIdentityNet.Architecture),
        Case(nameof(SiLUHiddenMseGELUTanhNet), s => new SiLUHiddenMseGELUTanhNet(s), SiLUHiddenMseGELUTanhNet.Architecture),
        Case(nameof(GELUTanhWideMseSiLUNet), s => new GELUTanhWideMseSiLUNet(s), GELUTanhWideMseSiLUNet.Architecture),
        Case(nameof(ELUHiddenMseELUNet), s => new ELUHiddenMseELUNet(s), ELUHiddenMseELUNet.Architecture),
        Case(nameof(SoftplusHiddenMseSoftplusNet), s => new SoftplusHiddenMseSoftplusNet(s), SoftplusHiddenMseSoftplusNet.Architecture),
        Case(nameof(GELUHiddenMishMseGELUNet), s => new GELUHiddenMishMseGELUNet(s), GELUHiddenMishMseGELUNet.Architecture),
        Case(nameof(MishHiddenMseMishNet), s => new MishHiddenMseMishNet(s), MishHiddenMseMishNet.Architecture),
    ];

    /// <summary>Every double network the reference MLP can describe.</summary>
    public static IReadOnlyList<NetworkCase<double>> Double { get; } =
    [
        .. GradientCheck,
        Case(nameof(WideDoubleCrossEntropyNet), s => new WideDoubleCrossEntropyNet(s), WideDoubleCrossEntropyNet.Architecture),
        Case(nameof(MomentumDoubleNet), s => new MomentumDoubleNet(s), MomentumDoubleNet.Architecture),
        Case(nameof(DoubleControlNet), s => new DoubleControlNet(s), DoubleControlNet.Architecture),
        Case(nameof(PanelDoubleNet), s => new PanelDoubleNet(s), PanelDoubleNet.Architecture),
    ];

    /// <summary>Every float network the reference MLP can describe.</summary>
    public static IReadOnlyList<NetworkCase<float>> Float { get; } =
    [
        Case(nameof(FloatCrossEntropyNet), s => new FloatCrossEntropyNet(s), FloatCrossEntropyNet.Architecture),
        Case(nameof(FloatSmallMseNet), s => new FloatSmallMseNet(s), FloatSmallMseNet.Architecture),
        Case(nameof(FloatBinaryNet), s => new FloatBinaryNet(s), FloatBinaryNet.Architecture),
        Case(nameof(FloatDeepMseNet), s => new FloatDeepMseNet(s), FloatDeepMseNet.Architecture),
        Case(nameof(FloatMultiBinaryNet), s => new FloatMultiBinaryNet(s), FloatMultiBinaryNet.Architecture),
        Case(nameof(FloatSoftmaxMseNet), s => new FloatSoftmaxMseNet(s), FloatSoftmaxMseNet.Architecture),
        Case(nameof(FloatLinearNet), s => new FloatLinearNet(s), FloatLinearNet.Architecture),
        Case(nameof(AdamFloatNet), s => new AdamFloatNet(s), AdamFloatNet.Architecture),
        Case(nameof(FloatRegressionNet), s => new FloatRegressionNet(s), FloatRegressionNet.Architecture),
        Case(nameof(FloatControlNet), s => new FloatControlNet(s), FloatControlNet.Architecture),
        Case(nameof(FloatSingleSoftmaxNet), s => new FloatSingleSoftmaxNet(s), FloatSingleSoftmaxNet.Architecture),
        Case(nameof(FloatSteepLeakyReLUNet), s => new FloatSteepLeakyReLUNet(s), FloatSteepLeakyReLUNet.Architecture),
        Case(nameof(FloatSiLUGELUTanhNet), s => new FloatSiLUGELUTanhNet(s), FloatSiLUGELUTanhNet.Architecture),
        Case(nameof(FloatELUNet), s => new FloatELUNet(s), FloatELUNet.Architecture),
        Case(nameof(FloatSoftplusNet), s => new FloatSoftplusNet(s), FloatSoftplusNet.Architecture),
        Case(nameof(FloatGELUMishNet), s => new FloatGELUMishNet(s), FloatGELUMishNet.Architecture),
        Case(nameof(FloatDeepTanhNet), s => new FloatDeepTanhNet(s), FloatDeepTanhNet.Architecture),
        Case(nameof(FloatNarrowStackNet), s => new FloatNarrowStackNet(s), FloatNarrowStackNet.Architecture),
        Case(nameof(PanelFloatNet), s => new PanelFloatNet(s), PanelFloatNet.Architecture),
    ];

    public static NetworkCase<double> DoubleNamed(string name) => Double.Single(c => c.Name == name);

    public static NetworkCase<float> FloatNamed(string name) => Float.Single(c => c.Name == name);

    public static TheoryData<string> Names<T>(IEnumerable<NetworkCase<T>> cases)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> => new(cases.Select(c => c.Name));

    private static NetworkCase<T> Case<T>(string name, Func<int, INetwork<T>> create, Architecture architecture)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> => new(name, create, architecture);
}
