using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace NetGen.CompiledWeights.Tests.Onnx;

/// <summary>
/// Networks declared by an ONNX file alone ([OnnxNetwork], Onnx/OnnxNetworks.cs) are the networks PyTorch exported:
/// on the script's inputs their Forward gives PyTorch's outputs (float within 1e-5 relative, double within 1e-12),
/// their description has the layers and activations the script built, their element type is the model's, their loss
/// is the one the final activation implies, their parameters are PyTorch's, and they fine-tune as the same network
/// declared by attributes does. Every expected value comes from Data/make_onnx_parity_models.py
/// (Data/onnx_parity.json), which takes the layers and activations from its own model definitions, not from the graph.
/// </summary>
public sealed class OnnxParityTests
{
    private const double FloatRelative = 1e-5, FloatAbsolute = 1e-6, DoubleRelative = 1e-12, DoubleAbsolute = 1e-14;

    private static readonly Dictionary<string, Func<object>> s_networks = new()
    {
        ["relu_op9"] = () => new OnnxReluOp9(),
        ["relu_op13"] = () => new OnnxReluOp13(),
        ["relu_op17"] = () => new OnnxReluOp17(),
        ["leakyrelu_op9"] = () => new OnnxLeakyreluOp9(),
        ["leakyrelu_op13"] = () => new OnnxLeakyreluOp13(),
        ["leakyrelu_op17"] = () => new OnnxLeakyreluOp17(),
        ["elu_op9"] = () => new OnnxEluOp9(),
        ["elu_op13"] = () => new OnnxEluOp13(),
        ["elu_op17"] = () => new OnnxEluOp17(),
        ["sigmoid_op9"] = () => new OnnxSigmoidOp9(),
        ["sigmoid_op13"] = () => new OnnxSigmoidOp13(),
        ["sigmoid_op17"] = () => new OnnxSigmoidOp17(),
        ["tanh_op9"] = () => new OnnxTanhOp9(),
        ["tanh_op13"] = () => new OnnxTanhOp13(),
        ["tanh_op17"] = () => new OnnxTanhOp17(),
        ["softplus_op9"] = () => new OnnxSoftplusOp9(),
        ["softplus_op13"] = () => new OnnxSoftplusOp13(),
        ["softplus_op17"] = () => new OnnxSoftplusOp17(),
        ["gelu_op9"] = () => new OnnxGeluOp9(),
        ["gelu_op13"] = () => new OnnxGeluOp13(),
        ["gelu_op17"] = () => new OnnxGeluOp17(),
        ["gelutanh_op9"] = () => new OnnxGelutanhOp9(),
        ["gelutanh_op13"] = () => new OnnxGelutanhOp13(),
        ["gelutanh_op17"] = () => new OnnxGelutanhOp17(),
        ["silu_op9"] = () => new OnnxSiluOp9(),
        ["silu_op13"] = () => new OnnxSiluOp13(),
        ["silu_op17"] = () => new OnnxSiluOp17(),
        ["mish_op9"] = () => new OnnxMishOp9(),
        ["mish_op13"] = () => new OnnxMishOp13(),
        ["mish_op17"] = () => new OnnxMishOp17(),
        ["softmax_dim1_op11"] = () => new OnnxSoftmaxDim1Op11(),
        ["softmax_dimlast_op11"] = () => new OnnxSoftmaxDimlastOp11(),
        ["softmax_dim1_op13"] = () => new OnnxSoftmaxDim1Op13(),
        ["softmax_dimlast_op13"] = () => new OnnxSoftmaxDimlastOp13(),
        ["sigmoid_final_op13"] = () => new OnnxSigmoidFinalOp13(),
        ["nobias_first_op13"] = () => new OnnxNobiasFirstOp13(),
        ["nobias_last_op13"] = () => new OnnxNobiasLastOp13(),
        ["named_softmax_op17"] = () => new OnnxNamedSoftmaxOp17(),
        ["named_silu_op17"] = () => new OnnxNamedSiluOp17(),
        ["f64_tanh_op13"] = () => new OnnxF64TanhOp13(),
        ["f64_gelu_op13"] = () => new OnnxF64GeluOp13(),
        ["f64_tanh_op17"] = () => new OnnxF64TanhOp17(),
        ["f64_gelu_op17"] = () => new OnnxF64GeluOp17(),
        ["fixed_batch_op13"] = () => new OnnxFixedBatchOp13(),
        ["deep_softmax_op13"] = () => new OnnxDeepSoftmaxOp13(),
        ["deep_sigmoid_op17"] = () => new OnnxDeepSigmoidOp17(),
        ["deep_regression_op11"] = () => new OnnxDeepRegressionOp11(),
        ["gelu_node_op20"] = () => new OnnxGeluNodeOp20(),
        ["gelutanh_node_op20"] = () => new OnnxGelutanhNodeOp20(),
        ["gemm_relu_op21"] = () => new OnnxGemmReluOp21(),
        ["matmul_add_bias_second_op13"] = () => new OnnxMatmulAddBiasSecondOp13(),
        ["matmul_add_bias_first_op13"] = () => new OnnxMatmulAddBiasFirstOp13(),
        ["gemm_transb0_op13"] = () => new OnnxGemmTransb0Op13(),
    };

    /// <summary>float32 files declared with Precision = Precision.Double.</summary>
    private static readonly Dictionary<string, Func<INetwork<double>>> s_widened = new()
    {
        ["softmax_dim1_op13"] = () => new OnnxSoftmaxDim1Op13AsDouble(),
        ["gelu_op17"] = () => new OnnxGeluOp17AsDouble(),
        ["deep_regression_op11"] = () => new OnnxDeepRegressionOp11AsDouble(),
        ["gemm_transb0_op13"] = () => new OnnxGemmTransb0Op13AsDouble(),
    };

    public static JsonElement Data { get; } = Load();

    public static TheoryData<string> Models => new(ModelEntries.Select(Name));

    public static TheoryData<string> Widened => new(s_widened.Keys);

    private static IEnumerable<JsonElement> ModelEntries => Data.GetProperty("models").EnumerateArray();

    [Fact]
    public void Every_model_the_script_wrote_has_a_network()
    {
        Assert.Equal(ModelEntries.Select(Name).Order(), s_networks.Keys.Order());
        Assert.True(s_networks.Count >= 50, $"{s_networks.Count} models");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_network_gives_pytorchs_outputs(string name)
    {
        JsonElement model = Model(name);
        switch (s_networks[name]())
        {
            case INetwork<float> network:
                AssertOutputs(network, model, FloatRelative, FloatAbsolute, name);
                break;
            case INetwork<double> network:
                AssertOutputs(network, model, DoubleRelative, DoubleAbsolute, name);
                break;
            case var other:
                throw new XunitException($"{name}: {other.GetType()} is neither INetwork<float> nor INetwork<double>.");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_network_gives_pytorchs_outputs_one_row_at_a_time(string name)
    {
        JsonElement model = Model(name);
        switch (s_networks[name]())
        {
            case INetwork<float> network:
                AssertOutputsByRow(network, model, FloatRelative, FloatAbsolute, name);
                break;
            case INetwork<double> network:
                AssertOutputsByRow(network, model, DoubleRelative, DoubleAbsolute, name);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_description_has_the_models_layers_and_activations(string name)
    {
        JsonElement model = Model(name);
        NetworkDescription description = Description(s_networks[name]());
        AssertLayers(description, model, name);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_element_type_is_the_models(string name)
    {
        object network = s_networks[name]();
        switch (Model(name).GetProperty("dtype").GetString())
        {
            case "float32":
                Assert.True(network is INetwork<float> && network is not INetwork<double>, $"{name}: {network.GetType()} is not a float network");
                Assert.Equal(Precision.Single, Description(network).Precision);
                break;
            case "float64":
                Assert.True(network is INetwork<double> && network is not INetwork<float>, $"{name}: {network.GetType()} is not a double network");
                Assert.Equal(Precision.Double, Description(network).Precision);
                break;
            case var other:
                throw new XunitException($"{name}: dtype {other}");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_loss_is_the_one_the_final_activation_implies(string name)
    {
        Loss expected = ExpectedLoss(Model(name));
        switch (s_networks[name]())
        {
            case INetwork<float> network:
                Assert.Equal(expected, network.Loss);
                Assert.Equal(expected, network.Description.Loss);
                break;
            case INetwork<double> network:
                Assert.Equal(expected, network.Loss);
                Assert.Equal(expected, network.Description.Loss);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_parameters_are_pytorchs(string name)
    {
        JsonElement model = Model(name);
        switch (s_networks[name]())
        {
            case INetwork<float> network:
                AssertParameters(network, model, name);
                break;
            case INetwork<double> network:
                AssertParameters(network, model, name);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Widened))]
    public void A_float32_model_declared_double_gives_pytorchs_float_outputs(string name)
    {
        JsonElement model = Model(name);
        Assert.Equal("float32", model.GetProperty("dtype").GetString());
        INetwork<double> network = s_widened[name]();

        Assert.Equal(Precision.Double, network.Description.Precision);
        Assert.Equal(ExpectedLoss(model), network.Loss);
        AssertLayers(network.Description, model, name);
        AssertParameters(network, model, name);
        AssertOutputs(network, model, FloatRelative, FloatAbsolute, name + " as double");
    }

    [Fact]
    public void A_declared_loss_and_penalties_replace_the_inferred_ones()
    {
        JsonElement model = Model("softmax_dim1_op13");
        INetwork<float> network = new OnnxSoftmaxDim1Op13Mse();

        Assert.Equal(Loss.MeanSquaredError, network.Loss);
        Assert.Equal(Loss.MeanSquaredError, network.Description.Loss);
        Assert.Equal(1e-4, network.Description.L1);
        Assert.Equal(1e-3, network.Description.L2);
        Assert.Equal(0.0, OnnxSoftmaxDim1Op13.Description.L1);
        Assert.Equal(0.0, OnnxSoftmaxDim1Op13.Description.L2);
        AssertLayers(network.Description, model, "softmax_dim1_op13 with MSE");
        AssertOutputs(network, model, FloatRelative, FloatAbsolute, "softmax_dim1_op13 with MSE");
    }

    [Fact]
    public void Named_modules_keep_pytorchs_names_and_save_under_them()
    {
        // The script's Named module holds self.lin_1 and self.lin_2; an nn.Sequential's layers stay unnamed.
        Assert.Equal(new string?[] { "lin_1", "lin_2" }, OnnxNamedSoftmaxOp17.Description.Layers.Select(l => l.Name));
        Assert.Equal(new string?[] { null, null }, OnnxReluOp13.Description.Layers.Select(l => l.Name));
        string path = Path.Combine(Path.GetTempPath(), $"netgen-onnx-named-{Guid.NewGuid():N}.safetensors");
        try
        {
            new OnnxNamedSoftmaxOp17().SaveSafetensors(path);
            var loaded = new OnnxNamedSoftmaxOp17();
            loaded.LoadSafetensors(path);
            Assert.Equal(new OnnxNamedSoftmaxOp17().Parameters.ToArray(), loaded.Parameters.ToArray());
            byte[] file = File.ReadAllBytes(path);
            string header = System.Text.Encoding.UTF8.GetString(file, 8, (int)BitConverter.ToInt64(file, 0));
            Assert.Contains("\"lin_1.weight\"", header);
            Assert.Contains("\"lin_2.bias\"", header);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_seed_does_not_change_the_compiled_parameters()
    {
        Assert.Equal(Exported(new OnnxDeepSoftmaxOp13(seed: 1)), Exported(new OnnxDeepSoftmaxOp13(seed: 2)));
    }

    [Fact]
    public void A_regression_model_fine_tunes_as_its_attribute_declared_twin() =>
        AssertFineTunes(new OnnxTunedTanhOp13(), new TunedTanhOp13Twin(), Model("tanh_op13"));

    [Fact]
    public void A_softmax_classifier_fine_tunes_as_its_attribute_declared_twin() =>
        AssertFineTunes(new OnnxTunedSoftmaxDim1Op13(), new TunedSoftmaxDim1Op13Twin(), Model("softmax_dim1_op13"));

    [Fact]
    public void A_deep_sigmoid_model_fine_tunes_as_its_attribute_declared_twin() =>
        AssertFineTunes(new OnnxTunedDeepSigmoidOp17(), new TunedDeepSigmoidOp17Twin(), Model("deep_sigmoid_op17"));

    [Fact]
    public void A_float64_model_fine_tunes_as_its_attribute_declared_twin() =>
        AssertFineTunes(new OnnxTunedF64GeluOp17(), new TunedF64GeluOp17Twin(), Model("f64_gelu_op17"));

    [Fact]
    public void An_optimizer_on_an_onnx_network_is_in_its_description()
    {
        Assert.Equal(OptimizerKind.Sgd, OnnxTunedTanhOp13.Description.Optimizer.Kind);
        Assert.Equal(0.1f, new OnnxTunedTanhOp13().LearningRate);
        Assert.Equal(0.01f, new OnnxTanhOp13().LearningRate);
    }

    /// <summary>
    /// Trains the ONNX network and its twin, which starts from PyTorch's parameters as the script recorded them,
    /// ten SGD steps on the script's inputs: the loss falls, and both hold the same parameters at every step.
    /// </summary>
    private static void AssertFineTunes<T>(INetwork<T> onnx, INetwork<T> twin, JsonElement model) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        string name = Name(model);
        twin.ImportParameters(Parameters<T>(model));
        Assert.Equal(Exported(twin), Exported(onnx));
        Assert.Equal(twin.Description.ToString(), onnx.Description.ToString());

        T[] inputs = Inputs<T>(model);
        int rows = inputs.Length / onnx.InputSize, outputs = onnx.OutputSize;
        int[] labels = [.. Enumerable.Range(0, rows).Select(r => (r * 2 + 1) % outputs)];
        T[] targets = onnx.Loss == NetGen.Loss.BinaryCrossEntropy
            ? [.. Enumerable.Range(0, rows * outputs).Select(i => T.CreateTruncating((i * 7 + i / outputs) % 3 == 0 ? 1.0 : 0.0))]
            : [.. Enumerable.Range(0, rows * outputs).Select(i => T.CreateTruncating(0.8 * Math.Sin(1.3 * i + 0.4)))];

        T Step(INetwork<T> network) => network.Loss == NetGen.Loss.CrossEntropy ? network.TrainStep(inputs, labels) : network.TrainStep(inputs, targets);
        T Evaluate(INetwork<T> network) => network.Loss == NetGen.Loss.CrossEntropy ? network.ComputeGradients(inputs, labels) : network.ComputeGradients(inputs, targets);

        double before = double.CreateTruncating(Evaluate(onnx));
        Close(double.CreateTruncating(Evaluate(twin)), before, $"{name}: the twin's loss before training");
        for (int step = 0; step < 10; step++)
        {
            double a = double.CreateTruncating(Step(onnx)), b = double.CreateTruncating(Step(twin));
            Close(a, b, $"{name}: the loss of step {step + 1}");
            AssertSameParameters(Exported(onnx), Exported(twin), $"{name} after step {step + 1}");
        }
        double after = double.CreateTruncating(Evaluate(onnx));
        Assert.True(after < before, $"{name}: the loss went from {before:R} to {after:R}");
        Assert.NotEqual(Parameters<T>(model), Exported(onnx));
    }

    private static void AssertSameParameters<T>(T[] onnx, T[] twin, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Assert.Equal(twin.Length, onnx.Length);
        for (int k = 0; k < onnx.Length; k++)
            Close(double.CreateTruncating(onnx[k]), double.CreateTruncating(twin[k]), $"{what}: parameter {k}");
    }

    private static void Close(double actual, double expected, string what)
    {
        if (!(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected))))
            throw new XunitException($"{what}: {actual:R}, the twin's {expected:R}.");
    }

    private static void AssertLayers(NetworkDescription description, JsonElement model, string name)
    {
        int[] sizes = [.. model.GetProperty("layer_sizes").EnumerateArray().Select(e => e.GetInt32())];
        Activation[] activations = [.. model.GetProperty("activations").EnumerateArray().Select(e => Enum.Parse<Activation>(e.GetString()!))];
        double?[] slopes = [.. model.GetProperty("negative_slopes").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble())];

        Assert.Equal(model.GetProperty("input_size").GetInt32(), description.InputSize);
        Assert.Equal(model.GetProperty("output_size").GetInt32(), description.OutputSize);
        Assert.Equal(sizes, description.Layers.Select(l => l.OutputSize));
        Assert.Equal(activations, description.Layers.Select(l => l.Activation));
        Assert.Equal(0, description.Layers[0].ParameterOffset);
        Assert.Equal(model.GetProperty("parameters").GetArrayLength(), description.ParameterCount);
        for (int l = 0; l < slopes.Length; l++)
        {
            if (slopes[l] is { } slope)
                Assert.True(Math.Abs(description.Layers[l].NegativeSlope - slope) <= 1e-6 * slope,
                    $"{name}: layer {l + 1}'s negative slope is {description.Layers[l].NegativeSlope:R}, PyTorch's {slope:R}");
            Assert.Equal(0.0, description.Layers[l].Dropout);
        }
    }

    private static void AssertParameters<T>(INetwork<T> network, JsonElement model, string name) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] expected = Parameters<T>(model), actual = Exported(network);
        Assert.Equal(expected.Length, network.ParameterCount);
        int[] differ = [.. Enumerable.Range(0, expected.Length).Where(k => actual[k] != expected[k])];
        if (differ.Length > 0)
            throw new XunitException($"{name}: {differ.Length} of {expected.Length} parameters are not PyTorch's, first "
                + string.Join(", ", differ.Take(6).Select(k => $"[{k}] {actual[k]} (PyTorch {expected[k]})")));
    }

    private static void AssertOutputs<T>(INetwork<T> network, JsonElement model, double relative, double absolute, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] input = Inputs<T>(model);
        Assert.Equal(model.GetProperty("input_size").GetInt32(), network.InputSize);
        Assert.Equal(model.GetProperty("output_size").GetInt32(), network.OutputSize);
        var output = new T[input.Length / network.InputSize * network.OutputSize];
        network.Forward(input, output);
        AssertClose([.. output.Select(double.CreateTruncating)], Outputs(model), relative, absolute, what);
    }

    private static void AssertOutputsByRow<T>(INetwork<T> network, JsonElement model, double relative, double absolute, string what) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T[] input = Inputs<T>(model);
        int n = network.InputSize, m = network.OutputSize;
        var output = new double[input.Length / n * m];
        var row = new T[m];
        for (int r = 0; r < input.Length / n; r++)
        {
            network.Forward(input.AsSpan(r * n, n), row);
            for (int j = 0; j < m; j++)
                output[r * m + j] = double.CreateTruncating(row[j]);
        }
        AssertClose(output, Outputs(model), relative, absolute, what + " by row");
    }

    private static void AssertClose(double[] actual, double[] expected, double relative, double absolute, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var failures = new List<string>();
        for (int k = 0; k < actual.Length; k++)
        {
            double tolerance = relative * Math.Abs(expected[k]) + absolute;
            if (!(Math.Abs(actual[k] - expected[k]) <= tolerance))
                failures.Add($"[{k}] {actual[k]:R}, PyTorch {expected[k]:R}, difference {Math.Abs(actual[k] - expected[k]):E2} > {tolerance:E2}");
        }
        if (failures.Count > 0)
            throw new XunitException($"{what}: {failures.Count} of {actual.Length} outputs differ from PyTorch's:{Environment.NewLine}"
                + string.Join(Environment.NewLine, failures.Take(12)));
    }

    private static Loss ExpectedLoss(JsonElement model) => model.GetProperty("activations").EnumerateArray().Last().GetString() switch
    {
        "Softmax" => Loss.CrossEntropy,
        "Sigmoid" => Loss.BinaryCrossEntropy,
        _ => Loss.MeanSquaredError,
    };

    private static NetworkDescription Description(object network) => network switch
    {
        INetwork<float> f => f.Description,
        INetwork<double> d => d.Description,
        _ => throw new XunitException($"{network.GetType()} is neither INetwork<float> nor INetwork<double>."),
    };

    private static T[] Exported<T>(INetwork<T> network) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var parameters = new T[network.ParameterCount];
        network.ExportParameters(parameters);
        return parameters;
    }

    // The JSON's numbers are float32 or float64 values written exactly, so T.CreateTruncating restores them as they were.
    private static T[] Parameters<T>(JsonElement model) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        [.. model.GetProperty("parameters").EnumerateArray().Select(e => T.CreateTruncating(e.GetDouble()))];

    private static T[] Inputs<T>(JsonElement model) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        [.. model.GetProperty("inputs").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => T.CreateTruncating(e.GetDouble()))];

    private static double[] Outputs(JsonElement model) =>
        [.. model.GetProperty("outputs").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetDouble())];

    private static string Name(JsonElement model) => model.GetProperty("name").GetString()!;

    private static JsonElement Model(string name) => ModelEntries.Single(m => Name(m) == name);

    private static JsonElement Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Onnx", "Data", "onnx_parity.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
