namespace NetGen.CompiledWeights.Tests.Onnx;

// One network per model that Data/make_onnx_parity_models.py wrote, declared by the file alone: the generator reads
// the layers, activations and weights from the graph. The path is relative to the test project, which lists the
// files as AdditionalFiles. Onnx/OnnxParityTests.cs compares each with what PyTorch recorded in onnx_parity.json.

[OnnxNetwork("Onnx/Data/relu_op9.onnx")]
public partial class OnnxReluOp9;

[OnnxNetwork("Onnx/Data/relu_op13.onnx")]
public partial class OnnxReluOp13;

[OnnxNetwork("Onnx/Data/relu_op17.onnx")]
public partial class OnnxReluOp17;

[OnnxNetwork("Onnx/Data/leakyrelu_op9.onnx")]
public partial class OnnxLeakyreluOp9;

[OnnxNetwork("Onnx/Data/leakyrelu_op13.onnx")]
public partial class OnnxLeakyreluOp13;

[OnnxNetwork("Onnx/Data/leakyrelu_op17.onnx")]
public partial class OnnxLeakyreluOp17;

[OnnxNetwork("Onnx/Data/elu_op9.onnx")]
public partial class OnnxEluOp9;

[OnnxNetwork("Onnx/Data/elu_op13.onnx")]
public partial class OnnxEluOp13;

[OnnxNetwork("Onnx/Data/elu_op17.onnx")]
public partial class OnnxEluOp17;

[OnnxNetwork("Onnx/Data/sigmoid_op9.onnx")]
public partial class OnnxSigmoidOp9;

[OnnxNetwork("Onnx/Data/sigmoid_op13.onnx")]
public partial class OnnxSigmoidOp13;

[OnnxNetwork("Onnx/Data/sigmoid_op17.onnx")]
public partial class OnnxSigmoidOp17;

[OnnxNetwork("Onnx/Data/tanh_op9.onnx")]
public partial class OnnxTanhOp9;

[OnnxNetwork("Onnx/Data/tanh_op13.onnx")]
public partial class OnnxTanhOp13;

[OnnxNetwork("Onnx/Data/tanh_op17.onnx")]
public partial class OnnxTanhOp17;

[OnnxNetwork("Onnx/Data/softplus_op9.onnx")]
public partial class OnnxSoftplusOp9;

[OnnxNetwork("Onnx/Data/softplus_op13.onnx")]
public partial class OnnxSoftplusOp13;

[OnnxNetwork("Onnx/Data/softplus_op17.onnx")]
public partial class OnnxSoftplusOp17;

[OnnxNetwork("Onnx/Data/gelu_op9.onnx")]
public partial class OnnxGeluOp9;

[OnnxNetwork("Onnx/Data/gelu_op13.onnx")]
public partial class OnnxGeluOp13;

[OnnxNetwork("Onnx/Data/gelu_op17.onnx")]
public partial class OnnxGeluOp17;

[OnnxNetwork("Onnx/Data/gelutanh_op9.onnx")]
public partial class OnnxGelutanhOp9;

[OnnxNetwork("Onnx/Data/gelutanh_op13.onnx")]
public partial class OnnxGelutanhOp13;

[OnnxNetwork("Onnx/Data/gelutanh_op17.onnx")]
public partial class OnnxGelutanhOp17;

[OnnxNetwork("Onnx/Data/silu_op9.onnx")]
public partial class OnnxSiluOp9;

[OnnxNetwork("Onnx/Data/silu_op13.onnx")]
public partial class OnnxSiluOp13;

[OnnxNetwork("Onnx/Data/silu_op17.onnx")]
public partial class OnnxSiluOp17;

[OnnxNetwork("Onnx/Data/mish_op9.onnx")]
public partial class OnnxMishOp9;

[OnnxNetwork("Onnx/Data/mish_op13.onnx")]
public partial class OnnxMishOp13;

[OnnxNetwork("Onnx/Data/mish_op17.onnx")]
public partial class OnnxMishOp17;

[OnnxNetwork("Onnx/Data/softmax_dim1_op11.onnx")]
public partial class OnnxSoftmaxDim1Op11;

[OnnxNetwork("Onnx/Data/softmax_dimlast_op11.onnx")]
public partial class OnnxSoftmaxDimlastOp11;

[OnnxNetwork("Onnx/Data/softmax_dim1_op13.onnx")]
public partial class OnnxSoftmaxDim1Op13;

[OnnxNetwork("Onnx/Data/softmax_dimlast_op13.onnx")]
public partial class OnnxSoftmaxDimlastOp13;

[OnnxNetwork("Onnx/Data/sigmoid_final_op13.onnx")]
public partial class OnnxSigmoidFinalOp13;

[OnnxNetwork("Onnx/Data/nobias_first_op13.onnx")]
public partial class OnnxNobiasFirstOp13;

[OnnxNetwork("Onnx/Data/nobias_last_op13.onnx")]
public partial class OnnxNobiasLastOp13;

[OnnxNetwork("Onnx/Data/named_softmax_op17.onnx")]
public partial class OnnxNamedSoftmaxOp17;

[OnnxNetwork("Onnx/Data/named_silu_op17.onnx")]
public partial class OnnxNamedSiluOp17;

[OnnxNetwork("Onnx/Data/f64_tanh_op13.onnx")]
public partial class OnnxF64TanhOp13;

[OnnxNetwork("Onnx/Data/f64_gelu_op13.onnx")]
public partial class OnnxF64GeluOp13;

[OnnxNetwork("Onnx/Data/f64_tanh_op17.onnx")]
public partial class OnnxF64TanhOp17;

[OnnxNetwork("Onnx/Data/f64_gelu_op17.onnx")]
public partial class OnnxF64GeluOp17;

[OnnxNetwork("Onnx/Data/fixed_batch_op13.onnx")]
public partial class OnnxFixedBatchOp13;

[OnnxNetwork("Onnx/Data/deep_softmax_op13.onnx")]
public partial class OnnxDeepSoftmaxOp13;

[OnnxNetwork("Onnx/Data/deep_sigmoid_op17.onnx")]
public partial class OnnxDeepSigmoidOp17;

[OnnxNetwork("Onnx/Data/deep_regression_op11.onnx")]
public partial class OnnxDeepRegressionOp11;

[OnnxNetwork("Onnx/Data/gelu_node_op20.onnx")]
public partial class OnnxGeluNodeOp20;

[OnnxNetwork("Onnx/Data/gelutanh_node_op20.onnx")]
public partial class OnnxGelutanhNodeOp20;

[OnnxNetwork("Onnx/Data/gemm_relu_op21.onnx")]
public partial class OnnxGemmReluOp21;

[OnnxNetwork("Onnx/Data/matmul_add_bias_second_op13.onnx")]
public partial class OnnxMatmulAddBiasSecondOp13;

[OnnxNetwork("Onnx/Data/matmul_add_bias_first_op13.onnx")]
public partial class OnnxMatmulAddBiasFirstOp13;

[OnnxNetwork("Onnx/Data/gemm_transb0_op13.onnx")]
public partial class OnnxGemmTransb0Op13;

// float32 files declared double: their values widen exactly, and the outputs are PyTorch's float32 ones within 1e-5.

[OnnxNetwork("Onnx/Data/softmax_dim1_op13.onnx", Precision = Precision.Double)]
public partial class OnnxSoftmaxDim1Op13AsDouble;

[OnnxNetwork("Onnx/Data/gelu_op17.onnx", Precision = Precision.Double)]
public partial class OnnxGeluOp17AsDouble;

[OnnxNetwork("Onnx/Data/deep_regression_op11.onnx", Precision = Precision.Double)]
public partial class OnnxDeepRegressionOp11AsDouble;

[OnnxNetwork("Onnx/Data/gemm_transb0_op13.onnx", Precision = Precision.Double)]
public partial class OnnxGemmTransb0Op13AsDouble;

// A final Softmax whose loss is declared rather than inferred, with penalties.

[OnnxNetwork("Onnx/Data/softmax_dim1_op13.onnx", Loss = Loss.MeanSquaredError, L1 = 1e-4, L2 = 1e-3)]
public partial class OnnxSoftmaxDim1Op13Mse;

// Fine-tuning: each ONNX network with an optimizer, and its twin declared by attributes, into which the tests
// import the parameters the script recorded from PyTorch.

[OnnxNetwork("Onnx/Data/tanh_op13.onnx")]
[Sgd(0.1)]
public partial class OnnxTunedTanhOp13;

[Network(Loss.MeanSquaredError)]
[Input(5)]
[Dense(7, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Sgd(0.1)]
public partial class TunedTanhOp13Twin;

[OnnxNetwork("Onnx/Data/softmax_dim1_op13.onnx")]
[Sgd(0.1)]
public partial class OnnxTunedSoftmaxDim1Op13;

[Network(Loss.CrossEntropy)]
[Input(5)]
[Dense(7, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Sgd(0.1)]
public partial class TunedSoftmaxDim1Op13Twin;

[OnnxNetwork("Onnx/Data/deep_sigmoid_op17.onnx")]
[Sgd(0.1)]
public partial class OnnxTunedDeepSigmoidOp17;

[Network(Loss.BinaryCrossEntropy)]
[Input(5)]
[Dense(9, Activation.SiLU)]
[Dense(11, Activation.LeakyReLU, NegativeSlope = 0.1)]
[Dense(6, Activation.Mish)]
[Dense(2, Activation.Sigmoid)]
[Sgd(0.1)]
public partial class TunedDeepSigmoidOp17Twin;

[OnnxNetwork("Onnx/Data/f64_gelu_op17.onnx")]
[Sgd(0.1)]
public partial class OnnxTunedF64GeluOp17;

[Network(Loss.MeanSquaredError, Precision = Precision.Double)]
[Input(5)]
[Dense(7, Activation.GELU)]
[Dense(3, Activation.Identity)]
[Sgd(0.1)]
public partial class TunedF64GeluOp17Twin;
