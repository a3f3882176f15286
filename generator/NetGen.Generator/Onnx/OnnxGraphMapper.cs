using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Onnx;

/// <summary>One dense layer found in a graph: its weight [out, in] row-major, its bias, its activation, and the names of its tensors (the bias's empty where it has none).</summary>
internal sealed record OnnxLayer(int InputSize, int OutputSize, ActivationKind Activation, double Argument, double[] Weights, double[] Bias, string WeightName, string BiasName);

/// <summary>
/// A graph read as a chain of dense layers: the input's width and element type, the layers in order, and the first
/// float64 weight or bias, if any, which a single-precision network would round.
/// </summary>
internal sealed record OnnxChain(int InputSize, OnnxDataType ElementType, IReadOnlyList<OnnxLayer> Layers, string? DoubleTensor);

/// <summary>
/// Walks an ONNX graph from its one input to its one output as a chain of dense layers: a Gemm, or a MatMul with or
/// without an Add of a bias, then the elementwise operators up to the next layer, which together are the layer's
/// activation, or a Softmax that ends the network. Identity, Dropout and Flatten of [batch, n] pass their input on.
/// Anything else (an operator that is no layer, a value that feeds two branches, weights that are not constants of the
/// model, a shape that varies in more than the batch) throws <see cref="OnnxMappingException"/> with the node and its
/// operator; <see cref="OnnxNetworkMapper"/> turns it into the diagnostic.
/// </summary>
internal sealed class OnnxGraphMapper
{
    public const long FirstOpset = 9, LastOpset = 21;

    private readonly string network, path;
    private readonly long opset;
    private readonly OnnxGraphSpec graph;
    private readonly Dictionary<string, OnnxTensorSpec> constants = new(StringComparer.Ordinal);
    private readonly List<OnnxNodeSpec> nodes = [];
    private readonly Dictionary<string, List<OnnxNodeSpec>> consumers = new(StringComparer.Ordinal);
    private string? doubleTensor;

    private OnnxGraphMapper(OnnxModelSpec model, string network, string path)
    {
        this.network = network;
        this.path = path;
        graph = model.Graph;
        OnnxOpsetSpec? imported = model.OpsetImports.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (imported is null)
            throw Fail(DiagnosticDescriptors.OnnxOpsetNotMapped, "the model imports no ai.onnx operator set, so its operators have no meaning");
        opset = imported.Version;
        if (opset < FirstOpset || opset > LastOpset)
            throw Fail(DiagnosticDescriptors.OnnxOpsetNotMapped, $"the model imports the ai.onnx operator set {Text(opset)}, which NetGen does not map");

        foreach (OnnxTensorSpec initializer in graph.Initializers)
            constants[initializer.Name] = initializer;
        foreach (OnnxNodeSpec node in graph.Nodes)
        {
            if (node.Domain is not ("" or "ai.onnx"))
                throw NotMapped(node, $"is in the domain '{node.Domain}', and NetGen maps operators of the default ai.onnx domain only");
            if (ElementwiseOperators.SinceOpset(node.OpType) is var since && since > opset)
                throw NotMapped(node, $"is defined from opset {Text(since)} on, and the model imports opset {Text(opset)}: export it with opset_version={Text(since)} or later");
            if (node.OpType == "Constant")
            {
                if (ConstantValue(node) is { } value && node.Outputs.Count > 0)
                    constants[node.Outputs[0]] = value;
                continue;
            }
            // An Identity of a constant (exporters write one for a weight that two modules share) is that constant.
            if (node.OpType == "Identity" && node.Inputs.Count > 0 && constants.TryGetValue(node.Inputs[0], out OnnxTensorSpec? source) && node.Outputs.Count > 0)
            {
                constants[node.Outputs[0]] = source with { Name = node.Outputs[0] };
                continue;
            }
            nodes.Add(node);
            foreach (string input in node.Inputs.Where(i => i.Length > 0).Distinct())
            {
                if (!consumers.TryGetValue(input, out List<OnnxNodeSpec>? list))
                    consumers[input] = list = [];
                list.Add(node);
            }
        }
    }

    public static OnnxChain Map(OnnxModelSpec model, string network, string path) => new OnnxGraphMapper(model, network, path).Walk();

    private OnnxChain Walk()
    {
        var inputs = graph.Inputs.Where(i => !constants.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain,
                $"the graph takes {Text(inputs.Count)} inputs{Names(inputs.Select(i => i.Name))}, and NetGen maps a graph of one input of shape [batch, features]");
        if (graph.Outputs.Count != 1)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain,
                $"the graph gives {Text(graph.Outputs.Count)} outputs{Names(graph.Outputs.Select(o => o.Name))}, and NetGen maps a graph of one output");
        OnnxValueInfoSpec input = inputs[0], output = graph.Outputs[0];
        int width = InputWidth(input);

        var layers = new List<OnnxLayer>();
        string current = input.Name;
        while (true)
        {
            current = PassThrough(current);
            // Each layer takes at least one node, so a walk that finds more layers than there are nodes went round a cycle.
            if (layers.Count > nodes.Count)
                throw Fail(DiagnosticDescriptors.OnnxGraphNotChain, $"the graph goes round a cycle through the value '{current}', and an ONNX graph is acyclic");
            List<OnnxNodeSpec> next = Consumers(current);
            if (current == output.Name && next.Count == 0)
                break;
            OnnxNodeSpec node = OnlyConsumer(current, next, output.Name);
            if (layers.Count > 0 && layers[layers.Count - 1].Activation == ActivationKind.Softmax)
                throw NotMapped(node, $"follows the Softmax of layer {Text(layers.Count)}, and NetGen's Softmax ends the network: it normalizes the last layer's outputs");
            var (weights, bias, outputSize, linearOutput, weightName, biasName) = ReadLinear(node, current, width, layers.Count == 0);
            var (activation, argument, exit) = ReadActivation(linearOutput, layers.Count + 1, output.Name);
            layers.Add(new OnnxLayer(width, outputSize, activation, argument, weights, bias, weightName, biasName));
            current = exit;
            width = outputSize;
        }
        if (layers.Count == 0)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain, $"the graph has no Gemm or MatMul between its input '{input.Name}' and its output '{output.Name}', so no layer");
        if (output.HasShape && output.Dimensions.Count == 2 && !output.Dimensions[1].IsSymbolic && output.Dimensions[1].Value > 0 && output.Dimensions[1].Value != width)
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"its output '{output.Name}' is declared [{output.Dimensions[0]}, {output.Dimensions[1]}], but its last layer gives {Text(width)} values a sample");
        return new OnnxChain(layers[0].InputSize, input.ElementType, layers, doubleTensor);
    }

    /// <summary>The input's width from its shape [batch, n]: the batch may be named or fixed, n must be fixed.</summary>
    private int InputWidth(OnnxValueInfoSpec input)
    {
        if (!IsFloatingPoint(input.ElementType))
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"its input '{input.Name}' holds {TypeName(input.ElementType)} values, and NetGen maps float32, float64, float16 and bfloat16 models");
        if (!input.HasShape || input.Dimensions.Count != 2)
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped, input.HasShape
                ? $"its input '{input.Name}' has shape [{string.Join(", ", input.Dimensions)}], and NetGen maps an input of shape [batch, features]"
                : $"its input '{input.Name}' has no shape: export with an example input of shape [batch, features]");
        OnnxDimensionSpec features = input.Dimensions[1];
        if (features.IsSymbolic || features.Value <= 0 || features.Value > int.MaxValue)
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"its input '{input.Name}' has shape [{input.Dimensions[0]}, {features}], whose features vary: only the batch, the first dimension, may vary (dynamic_axes={{'{input.Name}': {{0: 'batch'}}}})");
        return (int)features.Value;
    }

    /// <summary>Follows the Identity, Dropout and Flatten nodes that take <paramref name="value"/> alone, to the value they pass on.</summary>
    private string PassThrough(string value)
    {
        for (int passed = 0; SoleConsumer(value) is { } node && ElementwiseOperators.IsPassThrough(node.OpType) && node.Inputs.Count > 0 && node.Inputs[0] == value; passed++)
        {
            CheckPassThrough(node);
            if (passed > nodes.Count)
                throw Fail(DiagnosticDescriptors.OnnxGraphNotChain, $"the graph goes round a cycle through the value '{value}', and an ONNX graph is acyclic");
            value = node.Outputs[0];
        }
        return value;
    }

    private void CheckPassThrough(OnnxNodeSpec node)
    {
        if (node.OpType == "Flatten" && node.IntAttribute("axis", 1) is not (1 or -1) and var axis)
            throw NotMapped(node, $"flattens from axis {Text(axis)}, which would merge the samples of a batch: NetGen maps a Flatten of [batch, n] from axis 1");
        // Dropout's second output, the mask, exists only in training; in inference nothing may read it.
        if (node.OpType == "Dropout" && node.Outputs.Skip(1).Any(o => o.Length > 0 && Consumers(o).Count > 0))
            throw NotMapped(node, "has its mask read by another node, which exists only in training: export the model in eval mode (model.eval())");
        // From opset 12 a Dropout's third input switches training on; an export in eval mode leaves it out.
        if (node.OpType == "Dropout" && node.Inputs.Count > 2 && node.Inputs[2].Length > 0)
            throw NotMapped(node, $"takes the training_mode input '{node.Inputs[2]}', which would drop values at random in inference: export the model in eval mode (model.eval())");
        if (node.Outputs.Count == 0 || node.Outputs[0].Length == 0)
            throw NotMapped(node, "has no output");
    }

    private OnnxNodeSpec OnlyConsumer(string value, List<OnnxNodeSpec> next, string outputName)
    {
        if (next.Count == 0)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain, $"the value '{value}' reaches no node and is not the graph's output '{outputName}'");
        if (next.Count > 1 || value == outputName)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain,
                $"the value '{value}' feeds {Text(next.Count)} nodes ({string.Join(", ", next.Select(Describe))}){(value == outputName ? " and is the graph's output" : "")}, and NetGen maps a chain in which each layer feeds the next alone");
        return next[0];
    }

    /// <summary>The dense layer that <paramref name="node"/> starts: its weight [out, in], its bias (zeros where it has none), its width, the value it gives, and its weight's name.</summary>
    private (double[] Weights, double[] Bias, int OutputSize, string Output, string WeightName, string BiasName) ReadLinear(OnnxNodeSpec node, string input, int width, bool first)
    {
        switch (node.OpType)
        {
            case "Gemm":
            {
                if (node.Inputs.Count < 2 || node.Inputs[0] != input)
                    throw NotMapped(node, $"does not take the layer's input '{input}' as its first input A, and NetGen maps A·B + C with the layer's input as A");
                if (node.IntAttribute("transA", 0) != 0)
                    throw NotMapped(node, "transposes its input A (transA = 1), and NetGen maps a Gemm whose input A is [batch, features]");
                foreach (string scale in new[] { "alpha", "beta" })
                    if (node.FloatAttribute(scale, 1f) != 1f)
                        throw NotMapped(node, $"scales by {scale} = {node.FloatAttribute(scale, 1f).ToString("R", CultureInfo.InvariantCulture)}, and NetGen maps a Gemm with alpha = beta = 1, as torch.onnx.export writes for nn.Linear");
                OnnxTensorSpec weight = Matrix(node, node.Inputs[1]);
                bool transposed = node.IntAttribute("transB", 0) != 0;
                int outputSize = (int)(transposed ? weight.Dims[0] : weight.Dims[1]), inputSize = (int)(transposed ? weight.Dims[1] : weight.Dims[0]);
                CheckWidth(node, weight, inputSize, width);
                string biasName = node.Inputs.Count > 2 ? node.Inputs[2] : "";
                double[] bias = biasName.Length > 0 ? Bias(node, biasName, outputSize) : new double[outputSize];
                return (transposed ? [.. weight.Values] : Transpose(weight), bias, outputSize, Output(node), weight.Name, biasName);
            }
            case "MatMul":
            {
                if (node.Inputs.Count < 2 || node.Inputs[0] != input)
                    throw NotMapped(node, $"does not take the layer's input '{input}' as its first operand, and NetGen maps x·W with the layer's input as x");
                OnnxTensorSpec weight = Matrix(node, node.Inputs[1]);
                int inputSize = (int)weight.Dims[0], outputSize = (int)weight.Dims[1];
                CheckWidth(node, weight, inputSize, width);
                string product = Output(node);
                // nn.Linear's bias, where it has one, is an Add of a constant of one value per output.
                if (SoleConsumer(product) is { OpType: "Add" } add && add.Inputs.Count == 2
                    && add.Inputs.FirstOrDefault(i => i != product) is { } other && constants.TryGetValue(other, out OnnxTensorSpec? constant)
                    && ElementCount(constant) == outputSize && add.Inputs.Count(i => i == product) == 1)
                    return (Transpose(weight), Bias(add, other, outputSize), outputSize, Output(add), weight.Name, other);
                return (Transpose(weight), new double[outputSize], outputSize, product, weight.Name, "");
            }
            case "Softmax" or "LogSoftmax":
                throw NotMapped(node, node.OpType == "Softmax"
                    ? "does not follow a Gemm or MatMul directly, and NetGen's Softmax is the whole activation of the last layer"
                    : "is not an operator NetGen maps: a network with Softmax and Loss.CrossEntropy computes the log-softmax in its loss; export the model with nn.Softmax, or with no final activation");
            default:
                if (first && ElementwiseOperators.IsKnown(node.OpType))
                    throw NotMapped(node, "comes before the first Gemm or MatMul, and NetGen's first layer is a dense layer on the input: scale or shift the inputs in the program instead");
                if (ElementwiseOperators.IsKnown(node.OpType)
                    && node.Inputs.FirstOrDefault(i => i.Length > 0 && i != input && !constants.ContainsKey(i)) is { } outside)
                    throw NotMapped(node, $"reads '{outside}', which is neither the layer's value nor a constant NetGen can read, and between two layers NetGen maps functions of each value alone, with single-number constants");
                throw NotMapped(node, node.Attributes.Any(a => a.Graph is not null)
                    ? "holds a subgraph (a branch or a loop), and NetGen maps a straight chain of dense layers"
                    : "is not an operator NetGen maps: it maps Gemm, MatMul and Add, the elementwise operators of its activations, Softmax, Identity, Flatten and Dropout");
        }
    }

    /// <summary>
    /// The activation after a layer's linear part gives <paramref name="value"/>: a Softmax taking it alone, or the
    /// function computed by the elementwise nodes that hang off it, up to the one value that leaves them.
    /// </summary>
    private (ActivationKind Kind, double Argument, string Exit) ReadActivation(string value, int layer, string outputName)
    {
        if (SoleConsumer(value) is { OpType: "Softmax" } softmax)
        {
            // Before opset 13 Softmax flattens from its axis, 1 by default; from 13 it normalizes along one axis, −1 by default. On [batch, n] both mean each sample.
            long axis = softmax.IntAttribute("axis", opset < 13 ? 1 : -1);
            if (axis is not (1 or -1))
                throw NotMapped(softmax, $"normalizes along axis {Text(axis)}, across the batch, and NetGen's Softmax normalizes each sample's outputs (axis 1 or -1)");
            return (ActivationKind.Softmax, 0, Output(softmax));
        }

        // One pass in the file's order, which ONNX requires to be topological: a node's inputs come before it. (In a file
        // that breaks the rule, a node read before its input is left out, and the value it reads then leaves the region
        // twice, which is the error below.)
        var region = new List<OnnxNodeSpec>();
        var taken = new HashSet<OnnxNodeSpec>();
        var values = new HashSet<string>(StringComparer.Ordinal) { value };
        foreach (OnnxNodeSpec node in nodes)
        {
            if (!ElementwiseOperators.IsKnown(node.OpType))
                continue;
            var read = node.Inputs.Take(ElementwiseOperators.ArityOf(node)).Where(i => i.Length > 0).ToList();
            if (!read.Any(values.Contains) || !read.All(i => values.Contains(i) || constants.ContainsKey(i)))
                continue;
            if (ElementwiseOperators.IsPassThrough(node.OpType))
                CheckPassThrough(node);
            region.Add(node);
            taken.Add(node);
            values.Add(Output(node));
        }

        var exits = values.Where(v => v == outputName || Consumers(v).Any(c => !taken.Contains(c))).ToList();
        if (exits.Count == 0)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain, $"the values after layer {Text(layer)} reach neither another layer nor the graph's output '{outputName}'");
        if (exits.Count > 1)
            throw Fail(DiagnosticDescriptors.OnnxGraphNotChain,
                $"the values {string.Join(" and ", exits.Select(e => $"'{e}'"))} after layer {Text(layer)} both go on to other nodes, and NetGen maps a chain in which each layer feeds the next alone");
        string exit = exits[0];
        if (region.Count == 0)
            return (ActivationKind.Identity, 0, exit);

        double[] samples = ActivationRecognizer.Probes.Select(x => Evaluate(region, value, exit, x)).ToArray();
        if (ActivationRecognizer.Recognize(samples) is { } recognized)
            return (recognized.Kind, recognized.Argument, exit);
        string nodesText = region.Count == 1 ? $"node {Describe(region[0])} computes" : $"the {Text(region.Count)} nodes from {Describe(region[0])} to {Describe(region[region.Count - 1])} compute";
        throw new OnnxMappingException(DiagnosticDescriptors.OnnxActivationNotMapped, [network, path, nodesText, Text(layer), ActivationRecognizer.Describe(samples)]);
    }

    /// <summary>The value the region gives at <paramref name="exit"/> when <paramref name="value"/> is <paramref name="x"/>.</summary>
    private double Evaluate(List<OnnxNodeSpec> region, string value, string exit, double x)
    {
        var known = new Dictionary<string, double>(StringComparer.Ordinal) { [value] = x };
        foreach (OnnxNodeSpec node in region)
        {
            var arguments = new List<double>();
            foreach (string input in node.Inputs.Take(ElementwiseOperators.ArityOf(node)))
            {
                if (input.Length == 0)
                    continue;
                if (known.TryGetValue(input, out double argument))
                {
                    arguments.Add(argument);
                    continue;
                }
                OnnxTensorSpec constant = constants[input];
                if (ElementCount(constant) != 1 || !(IsFloatingPoint(constant.DataType) || constant.DataType is OnnxDataType.Int32 or OnnxDataType.Int64))
                    throw NotMapped(node, $"takes the constant '{input}' of {TypeName(constant.DataType)} and shape {constant.DimsText}, and between two layers NetGen maps functions of each value alone, with single-number constants");
                arguments.Add(constant.Values.Count > 0 ? constant.Values[0] : constant.Integers[0]);
            }
            known[Output(node)] = ElementwiseOperators.Apply(node, arguments);
        }
        return known[exit];
    }

    /// <summary>A layer's weight: a floating-point constant of the model with two dimensions, whatever the network's precision (<see cref="OnnxNetworkMapper"/> checks that).</summary>
    private OnnxTensorSpec Matrix(OnnxNodeSpec node, string name)
    {
        OnnxTensorSpec weight = Constant(node, name, "weight");
        if (weight.Dims.Count != 2 || weight.Dims.Contains(0))
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"the weight '{name}' of node {Describe(node)} has shape {weight.DimsText}, and a dense layer's weight has two dimensions, each at least 1");
        return weight;
    }

    private double[] Bias(OnnxNodeSpec node, string name, int outputSize)
    {
        OnnxTensorSpec bias = Constant(node, name, "bias");
        bool fits = bias.Dims.Count == 1 ? bias.Dims[0] == outputSize : bias.Dims.Count == 2 && bias.Dims[0] == 1 && bias.Dims[1] == outputSize;
        if (ElementCount(bias) == 1)
            return Enumerable.Repeat(bias.Values[0], outputSize).ToArray();
        if (!fits)
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"the bias '{name}' of node {Describe(node)} has shape {bias.DimsText}, and a layer of {Text(outputSize)} outputs takes a bias of shape [{Text(outputSize)}]");
        return [.. bias.Values];
    }

    private OnnxTensorSpec Constant(OnnxNodeSpec node, string name, string role)
    {
        if (!constants.TryGetValue(name, out OnnxTensorSpec? tensor))
            throw NotMapped(node, $"takes its {role} '{name}' from another node rather than from a constant of the model, and NetGen compiles in the weights a model stores");
        if (!IsFloatingPoint(tensor.DataType))
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"the {role} '{name}' of node {Describe(node)} holds {TypeName(tensor.DataType)} values, and NetGen compiles in floating-point weights (float32, float64, float16, bfloat16): export the model before quantizing it");
        if (tensor.DataType == OnnxDataType.Double)
            doubleTensor ??= name;
        // Checked here, in the order the tensor is stored, so that the index names the value where the file holds it.
        int bad = tensor.Values.ToList().FindIndex(v => double.IsNaN(v) || double.IsInfinity(v));
        if (bad >= 0)
            throw new OnnxMappingException(DiagnosticDescriptors.WeightsTensorNotFinite,
                [network, name, path, tensor.Values[bad].ToString("R", CultureInfo.InvariantCulture), Text(bad)]);
        return tensor;
    }

    private void CheckWidth(OnnxNodeSpec node, OnnxTensorSpec weight, int inputSize, int width)
    {
        if (inputSize != width)
            throw Fail(DiagnosticDescriptors.OnnxShapeNotMapped,
                $"node {Describe(node)} takes {Text(width)} values a sample, but its weight '{weight.Name}' of shape {weight.DimsText} takes {Text(inputSize)}");
    }

    private static double[] Transpose(OnnxTensorSpec weight)
    {
        int rows = (int)weight.Dims[0], columns = (int)weight.Dims[1];
        var transposed = new double[weight.Values.Count];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                transposed[c * rows + r] = weight.Values[r * columns + c];
        return transposed;
    }

    /// <summary>A Constant node's value: its tensor, or a single float or int (value_float, value_int, from opset 12); null for the forms a layer never uses.</summary>
    private static OnnxTensorSpec? ConstantValue(OnnxNodeSpec node)
    {
        string name = node.Outputs.Count > 0 ? node.Outputs[0] : "";
        foreach (OnnxAttributeSpec attribute in node.Attributes)
        {
            switch (attribute.Name)
            {
                case "value" when attribute.Tensor is { } tensor:
                    return tensor with { Name = name };
                case "value_float":
                    return new OnnxTensorSpec(name, OnnxDataType.Float, EquatableArray<long>.Empty, new EquatableArray<double>([attribute.Float]), EquatableArray<long>.Empty);
                case "value_int":
                    return new OnnxTensorSpec(name, OnnxDataType.Int64, EquatableArray<long>.Empty, EquatableArray<double>.Empty, new EquatableArray<long>([attribute.Int]));
                case "value_floats":
                    return new OnnxTensorSpec(name, OnnxDataType.Float, new EquatableArray<long>([attribute.Floats.Count]),
                        attribute.Floats.Select(f => (double)f).ToEquatableArray(), EquatableArray<long>.Empty);
                case "value_ints":
                    return new OnnxTensorSpec(name, OnnxDataType.Int64, new EquatableArray<long>([attribute.Ints.Count]), EquatableArray<double>.Empty, attribute.Ints);
            }
        }
        return null;
    }

    private OnnxNodeSpec? SoleConsumer(string value) => Consumers(value) is { Count: 1 } list ? list[0] : null;

    private List<OnnxNodeSpec> Consumers(string value) => consumers.TryGetValue(value, out List<OnnxNodeSpec>? list) ? list : [];

    private string Output(OnnxNodeSpec node) =>
        node.Outputs.Count > 0 && node.Outputs[0].Length > 0 ? node.Outputs[0] : throw NotMapped(node, "has no output");

    private static long ElementCount(OnnxTensorSpec tensor) => tensor.Dims.Aggregate(1L, (product, dim) => product * dim);

    private OnnxMappingException NotMapped(OnnxNodeSpec node, string detail) =>
        new(DiagnosticDescriptors.OnnxOperatorNotMapped, [network, path, NodeName(node), node.OpType, detail]);

    private OnnxMappingException Fail(DiagnosticDescriptor descriptor, string detail) => new(descriptor, [network, path, detail]);

    /// <summary>A node's name, or where it has none (a name is optional in ONNX), its first output's.</summary>
    private static string NodeName(OnnxNodeSpec node) => node.Name.Length > 0 ? node.Name : node.Outputs.FirstOrDefault() ?? "";

    private static string Describe(OnnxNodeSpec node) => $"'{NodeName(node)}' ({node.OpType})";

    private static string Names(IEnumerable<string> names) => names.Any() ? " (" + string.Join(", ", names.Select(n => $"'{n}'")) + ")" : "";

    private static string TypeName(OnnxDataType type) => type.ToString().ToUpperInvariant();

    /// <summary>The element types whose values the reader decodes, each exactly as a double.</summary>
    private static bool IsFloatingPoint(OnnxDataType type) => type is OnnxDataType.Float or OnnxDataType.Double or OnnxDataType.Float16 or OnnxDataType.BFloat16;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
