using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace NetGen.Generator.Fuzz.Sources;

/// <summary>
/// Random C# that declares networks, mostly well formed and often not: edge sizes, enum values out of range,
/// wrong argument types, hyperparameters that are NaN or huge, unusual class shapes, names that collide with
/// generated ones, several networks in one compilation and half-typed text. The user code never uses a
/// generated member, except in the "uses the network" scenario's separate usage file.
/// </summary>
internal static class NetworkSources
{
    /// <summary>Each file starts so: the aliases and the constants let attributes use them.</summary>
    private const string Header = """
        using System;
        using NetGen;
        using A = NetGen.Activation;
        using L = NetGen.Loss;

        """;

    private const string ConstantsType = """

        static class Sizes
        {
            public const int Hidden = 8;
            public const int Huge = 1 << 30;
            public const double Rate = 0.05;
        }
        """;

    private static readonly string[] Activations = ["Identity", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax", "SiLU", "GELUTanh", "ELU", "Softplus", "GELU", "Mish"];

    private static Gen<string> Weighted(int usual, Gen<string> normal, int odd, Gen<string> unusual) =>
        Gen.Frequency((usual, normal), (odd, unusual));

    private static readonly Gen<string> Size = Gen.Frequency(
        (14, Gen.Int[1, 24].Select(Text)),
        (2, Gen.Int[25, 300].Select(Text)),
        (3, Gen.OneOf("0", "-1", "-7", "int.MaxValue", "int.MinValue", "1 << 30", "2000000000", "(int)1e9", "46341", "65536")),
        (2, Gen.OneOf("1 << 4", "Sizes.Hidden", "Sizes.Huge", "Sizes.Hidden * 2", "64", "65")),
        (1, Gen.OneOf("\"3\"", "2.5", "true", "null", "3L", "Sizes.Rate")));

    private static readonly Gen<string> Double = Weighted(
        10, Gen.OneOf("0.01", "0.5", "1e-3", "0", "0.9", "1", "0.1", "Sizes.Rate", "1.0 / 8"),
        3, Gen.Frequency(
            (6, Gen.OneOf("double.NaN", "-1", "-0.5", "1e308", "double.PositiveInfinity", "double.NegativeInfinity", "1e39",
                "1e-320", "double.MaxValue", "double.Epsilon", "1.5", "float.MaxValue", "-0.0", "2", "1e-50")),
            (1, Gen.OneOf("\"0.1\"", "true", "1e400", "null"))));

    private static Gen<string> Prefixed(string type, string alias) =>
        Gen.Frequency((8, Gen.Const(type + ".")), (1, Gen.OneOf(alias + ".", "global::NetGen." + type + ".", "NetGen." + type + ".")));

    // The first number past Activation's members, so that a case meant to be out of range stays out of
    // range when members are added.
    private static readonly int PastLastActivation = Enum.GetValues<global::NetGen.Activation>().Length;

    /// <summary>An activation's expression and, when it names a member, which one.</summary>
    private static readonly Gen<(string Expression, string? Name)> Activation = Gen.Frequency(
        (12, Gen.Select(Prefixed("Activation", "A"), Gen.OneOf(Activations), (prefix, name) => (prefix + name, (string?)name))),
        (1, Gen.OneOf($"(Activation){PastLastActivation}", "(Activation)(-1)", "(Activation)99", $"(A){PastLastActivation + 1}", "(Activation)int.MaxValue")
            .Select(e => (e, (string?)null))),
        (1, Gen.OneOf(("0", "Identity"), ("1", null), ("Loss.CrossEntropy", null), ("\"ReLU\"", null), ("Activation.Relu", null))
            .Select(p => (p.Item1, p.Item2))));

    private static readonly Gen<string> Init = Weighted(
        6, Gen.OneOf("HeNormal", "HeUniform", "XavierNormal", "XavierUniform", "Normal", "Uniform", "Zeros", "PyTorch", "Default").Select(n => "Init." + n),
        1, Gen.OneOf("(Init)42", "(Init)(-3)", "(Init)9"));

    private static Gen<string> Named(string name, Gen<string> value) => value.Select(v => $", {name} = {v}");

    /// <summary>Zero to <paramref name="most"/> named arguments drawn from <paramref name="options"/>, each at most once.</summary>
    private static Gen<string> NamedArguments(int most, params Gen<string>[] options) =>
        Gen.Int[0, (1 << options.Length) - 1].SelectMany(mask =>
        {
            var chosen = Enumerable.Range(0, options.Length).Where(i => (mask & (1 << i)) != 0).Take(most).Select(i => options[i]).ToArray();
            return chosen.Aggregate(Gen.Const(""), (text, option) => Gen.Select(text, option, (a, b) => a + b));
        });

    private static readonly Gen<string> Bool = Gen.OneOf("true", "false");

    private static readonly Gen<string> Optimizer = Gen.Frequency(
        (3, Gen.Select(Double, NamedArguments(2, Named("Momentum", Double), Named("Dampening", Double), Named("Nesterov", Bool), Named("WeightDecay", Double)),
            (rate, rest) => $"Sgd({rate}{rest})")),
        (2, Gen.Select(Gen.OneOf("Adam", "AdamW"), Double, NamedArguments(2, Named("Beta1", Double), Named("Beta2", Double), Named("Epsilon", Double),
            Named("WeightDecay", Double), Named("AmsGrad", Bool)), (name, rate, rest) => $"{name}({rate}{rest})")),
        (1, Gen.Select(Double, NamedArguments(2, Named("Alpha", Double), Named("Epsilon", Double), Named("Momentum", Double), Named("Centered", Bool)),
            (rate, rest) => $"RmsProp({rate}{rest})")),
        (1, Gen.OneOf("Adam", "AdamW()", "RmsProp()", "Sgd(1e39)", "Sgd(-0.01)", "Sgd(double.NaN)", "Sgd(0.01, Momentum = 1e308)")));

    private record struct Layer(string Size, string Activation, string? ActivationName, string Named);

    private static readonly Gen<Layer> DenseLayer = Gen.Select(Size, Activation,
        NamedArguments(2, Named("Init", Init), Named("InitScale", Double), Named("Dropout", Weighted(4, Gen.OneOf("0.5", "0.2", "0"), 1, Double)),
            Named("NegativeSlope", Weighted(4, Gen.OneOf("0.2", "0", "0.01"), 1, Double))),
        (size, activation, named) => new Layer(size, activation.Expression, activation.Name, named));

    private static readonly Gen<string> DenseName = Gen.Frequency(
        (8, Gen.Const("Dense")), (1, Gen.OneOf("DenseAttribute", "NetGen.Dense", "global::NetGen.DenseAttribute")));

    /// <summary>The attribute lines of one network, with a loss that mostly suits its final activation.</summary>
    private static readonly Gen<string> Attributes =
        from layers in DenseLayer.Array[0, 4]
        from denseName in DenseName
        from input in Gen.Frequency((12, Size.Select(s => $"[Input({s})]\n")), (1, Gen.Const("")), (1, Gen.Const("[Input(2)]\n[Input(3)]\n")))
        from loss in Gen.Frequency((10, Gen.Const((string?)null)),
            (2, Gen.OneOf<string?>("Loss.MeanSquaredError", "Loss.CrossEntropy", "Loss.BinaryCrossEntropy", "L.CrossEntropy", "global::NetGen.Loss.MeanSquaredError")),
            (1, Gen.OneOf<string?>("(Loss)99", "(Loss)(-1)", "(L)3", "Activation.Softmax", "0")))
        from network in NamedArguments(2, Named("Precision", Weighted(6, Gen.OneOf("Precision.Double", "Precision.Single"), 1, Gen.OneOf("(Precision)7", "(Precision)(-2)"))),
            Named("L1", Double), Named("L2", Double))
        from networkName in Gen.Frequency((8, Gen.Const("Network")), (1, Gen.OneOf("NetworkAttribute", "global::NetGen.NetworkAttribute", "NetGen.Network")))
        from optimizers in Gen.Frequency((4, Gen.Const(0)), (6, Gen.Const(1)), (1, Gen.Const(2))).SelectMany(n => Optimizer.Array[n, n])
        select $"[{networkName}({loss ?? LossFor(layers)}{network})]\n{input}"
            + string.Concat(layers.Select(l => $"[{denseName}({l.Size}, {l.Activation}{l.Named})]\n"))
            + string.Concat(optimizers.Select(o => $"[{o}]\n"));

    private static string LossFor(Layer[] layers) => (layers.Length == 0 ? null : layers[^1].ActivationName) switch
    {
        "Softmax" => "Loss.CrossEntropy",
        "Sigmoid" => "Loss.BinaryCrossEntropy",
        _ => "Loss.MeanSquaredError",
    };

    private static readonly Gen<string> ClassName = Gen.Frequency(
        (10, Gen.OneOf("Net", "Model", "N", "Classifier", "Net1")),
        (1, Gen.OneOf("@class", "Forward", "Unsafe", "Kernels", "INetwork", "Net_")));

    /// <summary>The keyword part of a declaration before the name, and what may follow the name.</summary>
    private static readonly Gen<(string Modifiers, string AfterName)> ClassShape = Gen.Frequency(
        (12, Gen.OneOf(("public partial class", ""), ("partial class", ""), ("internal sealed partial class", ""), ("public partial record", ""))),
        (1, Gen.OneOf(("public class", ""), ("public static partial class", ""), ("public abstract partial class", ""),
            ("public partial class", "<T>"), ("public partial record", "(int X)"), ("public partial class", "(int seed)"),
            ("public partial class", "(int x, double y)"), ("file partial class", ""), ("public partial struct", ""),
            ("public partial record struct", ""), ("public sealed partial record class", "()"), ("public partial class", "<T> where T : struct"))));

    private static readonly Gen<string> Member = Gen.Frequency(
        (3, Gen.OneOf("public int Count { get; set; }", "public override string ToString() => \"net\";", "public static int Twice(int x) => 2 * x;")),
        (2, Gen.OneOf("public int InputSize => 1;", "public const int OutputSize = 3;",
            "public void Forward(ReadOnlySpan<float> input, Span<float> output) { }", "public static int Forward() => 1;",
            "public float[] _parameters = [];", "public const int ChunkSize = 1;", "public int Layer1Weights;", "public void Update() { }",
            "public float Loss => 0;", "public sealed class Unsafe { }", "public int Predict(ReadOnlySpan<float> input) => 0;",
            "public double LearningRate { get; set; }", "public int _origin;", "public Span<float> Parameters => default;",
            "public int ParameterCount;", "public void TrainStep() { }", "public static class Kernels { }", "public int _scratch;",
            "public static class Activations { }", "public void Dispose() { }", "public object Clone() => this;",
            "public sealed class ShapeWork { }", "public int Grow;")));

    private static readonly Gen<string> Body = Gen.Frequency(
        (3, Gen.Const(";")),
        (2, Member.Array[1, 3].Select(members => "\n{\n" + string.Concat(members.Select(m => "    " + m + "\n")) + "}")));

    /// <summary>One network class: attributes, declaration and body, without its namespace or outer types.</summary>
    private static Gen<string> NetworkClass(Gen<string> name) =>
        from attributes in Attributes
        from shape in ClassShape
        from className in name
        from body in Body
        select $"{attributes}{shape.Modifiers} {className}{shape.AfterName}{(body == ";" && shape.Modifiers.Contains("struct") ? " { }" : body)}\n";

    private static readonly Gen<string?> Outer = Gen.Frequency(
        (8, Gen.Const((string?)null)),
        (2, Gen.OneOf<string?>("public partial class Outer", "public partial record Outer", "internal static partial class Outer")),
        (1, Gen.OneOf<string?>("public class Outer", "public partial class Outer<T>", "public partial struct Outer", "public partial interface IOuter",
            "public partial class Unsafe")));

    private static readonly Gen<string?> Namespace = Gen.Frequency(
        (3, Gen.Const((string?)null)),
        (3, Gen.OneOf<string?>("Fuzz", "Fuzz.Nets")),
        (1, Gen.OneOf<string?>("Unsafe", "Fuzz.System", "Fuzz.NetGen", "Fuzz.Unsafe")));

    private static readonly Gen<bool> FileScoped = Gen.Bool;

    /// <summary>A whole file around <paramref name="classes"/>: header, namespace, outer type, constants, and sometimes a type named Unsafe.</summary>
    private static Gen<string> File(Gen<string> classes) =>
        from text in classes
        from outer in Outer
        from ns in Namespace
        from fileScoped in FileScoped
        from unsafeType in Gen.Frequency((8, Gen.Const("")), (1, Gen.Const("\npublic static class Unsafe { }\n")))
        select Wrap(text, outer, ns, fileScoped) + unsafeType;

    private static string Wrap(string text, string? outer, string? ns, bool fileScoped)
    {
        if (outer is not null)
            text = $"{outer}\n{{\n{Indent(text)}}}\n";
        if (ns is null)
            return Header + text + ConstantsType;
        return fileScoped
            ? $"{Header}namespace {ns};\n\n{text}{ConstantsType}"
            : $"{Header}namespace {ns}\n{{\n{Indent(text)}{Indent(ConstantsType)}}}\n";
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Select(line => line.Length == 0 ? "\n" : "    " + line + "\n"));

    private static Gen<FuzzCase> Single(string scenario, Gen<string> file) => file.Select(f => new FuzzCase(scenario, [f], []));

    /// <summary>One valid, ordinary network named Net, with no odd values, and a file that uses its generated members.</summary>
    private static readonly Gen<FuzzCase> UsedNetwork =
        from sizes in Gen.Int[1, 12].Array[1, 3]
        from activation in Gen.OneOf("Tanh", "ReLU", "Sigmoid", "Identity")
        from precision in Gen.OneOf("Single", "Double")
        let element = precision == "Double" ? "double" : "float"
        select new FuzzCase("uses the network",
            [Header + $"[Network(Loss.MeanSquaredError, Precision = Precision.{precision})]\n[Input(3)]\n"
                + string.Concat(sizes.Select(s => $"[Dense({s}, Activation.{activation})]\n")) + "public partial class Net;\n"],
            [$$"""
                using System;

                public static class Use
                {
                    public static int Run()
                    {
                        var net = new Net(seed: 7);
                        Span<{{element}}> input = stackalloc {{element}}[Net.InputSize];
                        return net.Parameters.Length + Net.ParameterCount + net.Predict(input);
                    }
                }
                """]);

    /// <summary>Every scenario, weighted so that most cases are one network in one file.</summary>
    public static readonly Gen<FuzzCase> Cases = Gen.Frequency(
        (20, Single("one network", File(NetworkClass(ClassName)))),
        (3, File(NetworkClass(Gen.OneOf("Net", "Model")).Array[2, 3].Select(a => string.Join("\n", a))).Array[1, 2]
            .Select(files => new FuzzCase("several networks", files, []))),
        (2, File(Gen.Select(NetworkClass(Gen.Const("Net")), NetworkClass(Gen.Const("NET")), (a, b) => a + "\n" + b))
            .Select(f => new FuzzCase("names differing only in case", [f], []))),
        (2, File(NetworkClass(Gen.Const("Net")).Select(c => c.Replace("public partial class", "file partial class"))).Array[2, 2]
            .Select(files => new FuzzCase("file-local classes of one name in two files", files, []))),
        (2, File(Attributes.Select(a => string.Join("\n", a.Split('\n').Where(l => !l.Contains("Network(")))
            + "public partial class NotANetwork;\n")).Select(f => new FuzzCase("layers without [Network]", [f], []))),
        (2, Gen.Select(File(NetworkClass(Gen.Const("Net")).Select(c => c.Replace("public partial record", "public partial class"))), Member.Array[1, 3], Gen.Bool,
            (file, members, layersThere) => new FuzzCase("split partial class", [file,
                Header + (layersThere ? "[Dense(2, Activation.Tanh)]\n" : "") + "public partial class Net\n{\n" + string.Concat(members.Select(m => "    " + m + "\n")) + "}\n"], []))),
        (3, Gen.Select(File(NetworkClass(ClassName)), Gen.Double[0, 1],
            (file, cut) => new FuzzCase("half-typed", [file.Substring(0, (int)(cut * file.Length))], []))),
        (2, UsedNetwork));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
