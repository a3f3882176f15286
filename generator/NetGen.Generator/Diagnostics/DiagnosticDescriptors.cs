using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are never reused; each is listed in
/// AnalyzerReleases.Unshipped.md and documented in docs/diagnostics/NGxxxx.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen";

    /// <summary>Where each id's page lives (docs/diagnostics/NGxxxx.md), the link an IDE opens from the error.</summary>
    internal const string HelpLinkFormat = "https://github.com/netgen-dotnet/netgen/blob/main/docs/diagnostics/{0}.md";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "NG0001", "Network class must be partial",
        "'{0}' must be declared partial so that NetGen can add the network's members: write 'partial class {0}'{1}");

    public static readonly DiagnosticDescriptor MissingInput = Error(
        "NG0002", "Network has no [Input]",
        "Network '{0}' does not say its input size: add [Input(n)] before its [Dense] layers, for example [Input(2)]");

    public static readonly DiagnosticDescriptor MissingDense = Error(
        "NG0003", "Network has no [Dense] layer",
        "Network '{0}' has no layers: add at least one [Dense(size, activation)], for example [Dense(1, Activation.Sigmoid)]");

    public static readonly DiagnosticDescriptor NonPositiveSize = Error(
        "NG0004", "Layer size must be positive",
        "The size of {0} is {1}: a size must be at least 1, for example [{2}(10{3})]");

    public static readonly DiagnosticDescriptor SoftmaxNotLast = Error(
        "NG0005", "Softmax is only allowed on the final layer",
        "Layer {0} of '{1}' uses Softmax, which normalises a network's output: use it on the final layer only, and ReLU, Tanh or Sigmoid on hidden layers");

    public static readonly DiagnosticDescriptor CrossEntropyNeedsSoftmax = Error(
        "NG0006", "CrossEntropy needs a final Softmax layer",
        "Network '{0}' uses Loss.CrossEntropy but its final layer uses {1}: make the final layer [Dense(n, Activation.Softmax)], or choose another loss");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyNeedsSigmoid = Error(
        "NG0007", "BinaryCrossEntropy needs a final Sigmoid layer",
        "Network '{0}' uses Loss.BinaryCrossEntropy but its final layer uses {1}: make the final layer [Dense(n, Activation.Sigmoid)], or choose another loss");

    public static readonly DiagnosticDescriptor MultipleOptimizers = Error(
        "NG0008", "A network takes one optimizer at most",
        "Network '{0}' already declares [{1}]: remove [{2}] so that one optimizer remains");

    public static readonly DiagnosticDescriptor GenericNetwork = Error(
        "NG0009", "Network class cannot be generic or nested in a generic type",
        "'{0}' {1}: generated networks have fixed shapes and element types, so declare the network in a non-generic class");

    public static readonly DiagnosticDescriptor StaticNetwork = Error(
        "NG0010", "Network class cannot be static",
        "'{0}' is static, but a network is an object that owns its parameters: remove 'static'");

    public static readonly DiagnosticDescriptor LayersOnSeveralDeclarations = Error(
        "NG0011", "Layers are declared on more than one partial declaration",
        "'{0}' declares [Input] or [Dense] attributes on more than one of its partial declarations, so the layer order is ambiguous: move them all onto the declaration that carries [Network]");

    public static readonly DiagnosticDescriptor InvalidArgument = Error(
        "NG0012", "Invalid network argument",
        "{0}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "NG0013", "NetGen could not generate the network",
        "NetGen could not generate '{0}' ({1}); please report this with the declaration that causes it");

    public static readonly DiagnosticDescriptor DropoutOnFinalLayer = Error(
        "NG0014", "Dropout is not allowed on the final layer",
        "Layer {0} of '{1}' is the final layer, whose outputs are the network's predictions and the loss's input: remove Dropout from it and put it on a hidden layer, for example [Dense(64, Activation.ReLU, Dropout = 0.5)]");

    public static readonly DiagnosticDescriptor ConstructorSkipsInitialization = Error(
        "NG0015", "A network's own constructor must chain to the generated one",
        "Constructor '{0}' {1}: the generated constructor '{0}(int seed = 0)' draws the initial parameters, so a constructor of your own must call it, for example '{0}() : this(seed: 42) {{ }}'");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error(
        "NG0016", "Network has more parameters than an array holds",
        "'{0}' has more parameters than a .NET array holds: up to layer {1} ({2} inputs, {3} outputs) it has {4} weights and biases, and an array holds at most {5}: make the layers smaller");

    public static readonly DiagnosticDescriptor FileLocalNetwork = Error(
        "NG0017", "Network class cannot be file-local",
        "'{0}' is a file-local type, which only declarations in its own file can complete, so NetGen cannot add the network's members: remove 'file', and make it 'internal' or a private nested class instead");

    public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
        "NG0018", "Network class cannot have a primary constructor",
        "'{0}' has a primary constructor, which every other constructor must call, so the generated constructor '{0}(int seed = 0)' that draws the parameters cannot exist beside it: declare fields and a constructor that calls ': this(seed)' instead");

    public static readonly DiagnosticDescriptor GeneratedNameTaken = Error(
        "NG0019", "A member's name clashes with a generated network member",
        "'{0}' has {2} named '{1}', but NetGen generates '{3}' on every network: rename yours");

    public static readonly DiagnosticDescriptor LayersWithoutNetwork = Error(
        "NG0020", "Layers declared on a class without [Network]",
        "'{0}' has [Input] or [Dense] attributes but no [Network(loss)], so no network is generated for it: add for example [Network(Loss.CrossEntropy)]");

    public static readonly DiagnosticDescriptor RecordNetwork = Error(
        "NG0021", "Network class cannot be a record",
        "'{0}' is a record, whose 'with' copies and value equality would share one network's parameter arrays between objects, and in which C# reserves the name 'Clone' that every network has: declare it as a class");

    public static readonly DiagnosticDescriptor AbstractNetwork = Error(
        "NG0022", "Network class cannot be abstract",
        "'{0}' is abstract, but a network's constructor draws its parameters and its Clone() creates an instance of it: remove 'abstract', and derive from it if you need a family of networks");

    public static readonly DiagnosticDescriptor WeightsFileNotListed = Error(
        "NG0024", "Weights file is not among the project's AdditionalFiles",
        "'{0}' takes its weights from '{1}', which is not among the project's AdditionalFiles{2}: add <AdditionalFiles Include=\"{1}\" /> to the project file, with the path relative to the project");

    public static readonly DiagnosticDescriptor WeightsFileNotHandedOver = Error(
        "NG0025", "Weights file was not handed to the generator by NetGen's build step",
        "'{0}' takes its weights from '{1}', which the project lists in AdditionalFiles, but NetGen's build step that hands a binary file to the generator did not run: reference NetGen as a package, which runs it, or with a project reference add <Import Project=\"path/to/src/NetGen/build/NetGen.targets\" /> to the project file");

    public static readonly DiagnosticDescriptor WeightsFileUnreadable = Error(
        "NG0026", "Weights file could not be read",
        "'{0}' takes its weights from '{1}', which could not be read: {2}; rebuild so that NetGen's build step writes it again");

    public static readonly DiagnosticDescriptor WeightsFileMalformed = Error(
        "NG0027", "Weights file is not a valid safetensors file",
        "'{0}' takes its weights from '{1}', which is not a valid safetensors file: {2}; save the weights again, for example with safetensors.torch.save_file(model.state_dict(), \"{1}\")");

    public static readonly DiagnosticDescriptor WeightsTensorMissing = Error(
        "NG0028", "Weights file lacks a tensor the network declares",
        "'{0}' needs the tensor '{1}' of shape {2} for layer {3}, which '{4}' does not have (its tensors: {5}): save the model whose state_dict names it so, or name the layers as the file does with Dense(..., Name = \"...\")");

    public static readonly DiagnosticDescriptor WeightsTensorUnexpected = Error(
        "NG0029", "Weights file holds a tensor the network does not declare",
        "'{1}' holds the tensor '{2}' of shape {3}, which '{0}' does not declare (it declares: {4}): declare the layers of the model the file was saved from, or save only those");

    public static readonly DiagnosticDescriptor WeightsTensorShapeMismatch = Error(
        "NG0030", "Tensor shape differs from the declaration",
        "Tensor '{1}' in '{2}' has shape {3}, but '{0}' declares shape {4} for it (layer {5}: {6}): make the declaration match the model the file was saved from");

    public static readonly DiagnosticDescriptor WeightsTensorDType = Error(
        "NG0031", "Tensor element type does not fit the network's precision",
        "Tensor '{1}' in '{2}' holds {3}, which a {4} network cannot take without loss: {5}");

    public static readonly DiagnosticDescriptor WeightsTensorNotFinite = Error(
        "NG0032", "Tensor holds a value that is not finite",
        "Tensor '{1}' in '{2}' holds {3} at index {4}, and a network's parameters must be finite: save the weights of a model that trained without diverging");

    public static readonly DiagnosticDescriptor OnnxFileMalformed = Error(
        "NG0033", "ONNX file is not a valid ONNX model",
        "'{0}' takes its model from '{1}', which is not a valid ONNX model: {2}; export the model again, for example with torch.onnx.export(model, example_input, \"{1}\")");

    public static readonly DiagnosticDescriptor OnnxOperatorNotMapped = Error(
        "NG0034", "ONNX node is not one NetGen maps",
        "'{0}' cannot be generated from '{1}': node '{2}' ({3}) {4}");

    public static readonly DiagnosticDescriptor OnnxGraphNotChain = Error(
        "NG0035", "ONNX graph is not a chain of dense layers",
        "'{0}' cannot be generated from '{1}': {2}");

    public static readonly DiagnosticDescriptor OnnxShapeNotMapped = Error(
        "NG0036", "ONNX input or weight has a shape NetGen does not map",
        "'{0}' cannot be generated from '{1}': {2}");

    public static readonly DiagnosticDescriptor OnnxOpsetNotMapped = Error(
        "NG0037", "ONNX model's operator set is outside 9 to 21",
        "'{0}' cannot be generated from '{1}': {2}; export it with an opset from 9 to 21, for example torch.onnx.export(..., opset_version=17)");

    public static readonly DiagnosticDescriptor OnnxActivationNotMapped = Error(
        "NG0038", "ONNX operators between two layers are none of NetGen's activations",
        "'{0}' cannot be generated from '{1}': after layer {3}, {2} a function that is none of NetGen's activations ({4}): use one of Identity, ReLU, LeakyReLU, ELU (alpha 1), Sigmoid, Tanh, Softplus, GELU (exact or tanh), SiLU, Mish, or Softmax on the last layer");

    public static readonly DiagnosticDescriptor OnnxNetworkDeclaresLayers = Error(
        "NG0039", "An [OnnxNetwork] class takes its layers from the model",
        "'{0}' is declared by [OnnxNetwork], which takes the input, layers and weights from the model: remove {1}");

    /// <summary>
    /// NG0023 is not reported by the generator: NetGen.dll reports it, through [Obsolete] on NetworkAttribute,
    /// in a compilation that references the runtime without the generator; GeneratorPresentSuppressor removes
    /// it wherever the generator runs.
    /// </summary>
    public const string GeneratorNotRunningId = "NG0023";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: string.Format(System.Globalization.CultureInfo.InvariantCulture, HelpLinkFormat, id));
}
