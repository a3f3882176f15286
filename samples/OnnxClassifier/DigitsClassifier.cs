using NetGen;

namespace OnnxClassifier;

/// <summary>
/// The model train_in_pytorch.py exported, nn.Sequential(Linear(64, 32), ReLU(), Linear(32, 10), Softmax(dim=1)),
/// whose ONNX graph is Gemm, Relu, Gemm, Softmax: the generator reads it at compile time and declares the class the
/// attributes [Input(64)] [Dense(32, ReLU)] [Dense(10, Softmax)] would, starting from the model's weights.
/// </summary>
[OnnxNetwork("digits_classifier.onnx")]
public partial class DigitsClassifier;
