namespace NetGen.Optimizer.Tests.Networks;

// Large layers whose initial weights are checked against the formulas of each Init scheme. Fan-in
// and fan-out differ where the formula uses one of them, so that using the other would show.
// The small output layers only make the declarations complete networks.

/// <summary>Init.PyTorch twice: U(±1/√64) then U(±1/√256), weights and biases alike.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(64)]
[Dense(256, Activation.Tanh, Init = Init.PyTorch)]
[Dense(256, Activation.Identity, Init = Init.PyTorch)]
public partial class PyTorchInitNet;

/// <summary>Init.HeUniform after ReLU: U(±√(6/256)), fan-in 256, fan-out 128.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(256)]
[Dense(128, Activation.ReLU, Init = Init.HeUniform)]
[Dense(2, Activation.Identity)]
public partial class HeUniformInitNet;

/// <summary>Init.XavierNormal: N(0, 2/(256 + 128)).</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(256)]
[Dense(128, Activation.Tanh, Init = Init.XavierNormal)]
[Dense(2, Activation.Identity)]
public partial class XavierNormalInitNet;

/// <summary>Init.Normal with InitScale 0.01: 0.01·N(0, 1), the material's <c>0.01 * randn</c>.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(256)]
[Dense(256, Activation.Tanh, Init = Init.Normal, InitScale = 0.01)]
[Dense(2, Activation.Identity)]
public partial class NormalInitNet;

/// <summary>Init.Zeros.</summary>
[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(256)]
[Dense(256, Activation.Sigmoid, Init = Init.Zeros)]
[Dense(2, Activation.Identity, Init = Init.Zeros)]
public partial class ZerosInitNet;
