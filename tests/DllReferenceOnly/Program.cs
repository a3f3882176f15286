using NetGen;

var net = new XorNet(seed: 1);
Console.WriteLine(net.Predict([1f, 0f]));

[Network(Loss.BinaryCrossEntropy)]
[Input(2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
public partial class XorNet;
