using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Onnx;

/// <summary>What an <c>[OnnxNetwork]</c> class becomes: the network with its weights, or the diagnostics and the public surface to emit instead.</summary>
internal sealed record OnnxMappingResult(CompiledNetworkSpec? Compiled, StubSpec? Stub, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Turns an <c>[OnnxNetwork("model.onnx")]</c> declaration and the ONNX files the build handed over into the
/// <see cref="NetworkSpec"/> the equivalent <c>[Input]</c> and <c>[Dense]</c> attributes would declare, with the model's
/// weights as its compiled-in parameters. Every fault is one diagnostic at the path: a file not handed over, one that
/// is not ONNX, a graph that is no chain of dense layers (<see cref="OnnxGraphMapper"/>), weights the precision cannot
/// hold or that are not finite, a declared loss that does not fit the last activation.
/// </summary>
internal static class OnnxNetworkMapper
{
    public static OnnxMappingResult Map(OnnxNetworkDeclaration declaration, EquatableArray<OnnxFileSpec> files, EquatableArray<string> listedBinaryPaths)
    {
        string path = declaration.Path, name = declaration.Type.Name;
        OnnxFileSpec? file = files.FirstOrDefault(f => f.ProjectPath == path)
            ?? files.FirstOrDefault(f => f.Problem == WeightsFileProblem.Unreadable && f.ProjectPath == path.Substring(path.LastIndexOf('/') + 1));
        if (file is null)
        {
            if (listedBinaryPaths.Any(listed => WeightsPaths.Normalize(listed).EndsWith("/" + path, StringComparison.Ordinal) || WeightsPaths.Normalize(listed) == path))
                return Failed(declaration, DiagnosticDescriptors.WeightsFileNotHandedOver, name, path);
            string[] known = [.. files.Select(f => f.ProjectPath).Distinct().OrderBy(p => p, StringComparer.Ordinal)];
            return Failed(declaration, DiagnosticDescriptors.WeightsFileNotListed, name, path,
                known.Length == 0 ? "" : " (the ONNX files it lists: " + string.Join(", ", known.Select(p => $"'{p}'")) + ")");
        }
        if (file.Model is null)
            return Failed(declaration, file.Problem == WeightsFileProblem.Malformed ? DiagnosticDescriptors.OnnxFileMalformed : DiagnosticDescriptors.WeightsFileUnreadable,
                name, path, file.Detail ?? "");
        try
        {
            return Compile(declaration, OnnxGraphMapper.Map(file.Model, name, path));
        }
        catch (OnnxMappingException exception)
        {
            return Failed(declaration, exception.Descriptor, exception.Arguments);
        }
    }

    private static OnnxMappingResult Compile(OnnxNetworkDeclaration declaration, OnnxChain chain)
    {
        string name = declaration.Type.Name, path = declaration.Path;
        PrecisionKind precision = declaration.Precision ?? (chain.ElementType == OnnxDataType.Double ? PrecisionKind.Double : PrecisionKind.Single);
        // A float64 model's values would be rounded by a float network; its float32 ones widen exactly into a double one.
        if (precision == PrecisionKind.Single && chain.ElementType == OnnxDataType.Double)
            return Failed(declaration, DiagnosticDescriptors.WeightsTensorDType, name, chain.Layers[0].WeightName, path, "float64 values", "single-precision",
                "rounding them to float would change the network: leave Precision out, set Precision = Precision.Double, or export the model in float32 (model.float())");
        var parameters = new List<long>();
        foreach (OnnxLayer layer in chain.Layers)
        {
            foreach (var (values, tensor) in new[] { (layer.Weights, layer.WeightName), (layer.Bias, layer.BiasName) })
            {
                int bad = Array.FindIndex(values, v => double.IsNaN(v) || double.IsInfinity(v));
                if (bad >= 0)
                    return Failed(declaration, DiagnosticDescriptors.WeightsTensorNotFinite, name, tensor, path, Text(values[bad]), bad.ToString(CultureInfo.InvariantCulture));
                parameters.AddRange(values.Select(BitConverter.DoubleToInt64Bits));
            }
        }

        ActivationKind last = chain.Layers[chain.Layers.Count - 1].Activation;
        LossKind loss = declaration.Loss ?? last switch
        {
            ActivationKind.Softmax => LossKind.CrossEntropy,
            ActivationKind.Sigmoid => LossKind.BinaryCrossEntropy,
            _ => LossKind.MeanSquaredError,
        };
        if (Parser.LossMismatch(loss, last) is { } mismatch)
            return Failed(declaration, mismatch, name, last.ToString());

        string?[] names = LayerNames(chain.Layers);
        var layers = chain.Layers.Select((layer, index) => new DenseLayerSpec(layer.InputSize, layer.OutputSize, layer.Activation, layer.Argument,
            ActivationTable.Of(layer.Activation).DefaultInit, 1.0, 0, names[index])).ToEquatableArray();
        var network = new NetworkSpec(declaration.Type, loss, precision, chain.InputSize, layers, declaration.Optimizer, declaration.L1, declaration.L2,
            declaration.UserMemberNames, declaration.QualifiesNames, path)
        {
            Location = declaration.Location,
            WeightsLocation = declaration.PathLocation,
        };
        return new OnnxMappingResult(new CompiledNetworkSpec(network, parameters.ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty), null,
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// The layers' names, from the weights' names as PyTorch's state_dict gives them ("lin_1.weight" names the layer
    /// "lin_1"), so that the network saves and describes its layers under the model's own names; none where any
    /// weight lacks such a name (a MatMul's transposed copy), where a name would not be a module name, or where the
    /// names are the nn.Sequential numbering that an unnamed network gives anyway.
    /// </summary>
    private static string?[] LayerNames(IReadOnlyList<OnnxLayer> layers)
    {
        const string suffix = ".weight";
        var names = layers.Select(l => l.WeightName.EndsWith(suffix, StringComparison.Ordinal) ? l.WeightName.Substring(0, l.WeightName.Length - suffix.Length) : null).ToArray();
        var none = new string?[layers.Count];
        if (names.Any(n => string.IsNullOrEmpty(n) || n!.IndexOf('.') >= 0) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            return none;
        int module = 0;
        bool sequential = true;
        for (int l = 0; l < layers.Count; l++)
        {
            sequential &= names[l] == module.ToString(CultureInfo.InvariantCulture);
            module += layers[l].Activation == ActivationKind.Identity ? 1 : 2;
        }
        return sequential ? none : names;
    }

    private static OnnxMappingResult Failed(OnnxNetworkDeclaration declaration, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
    {
        var stub = new StubSpec(declaration.Type, declaration.Precision ?? PrecisionKind.Single, null, null, null, WithConstructor: true, descriptor.Id, declaration.Location);
        return new OnnxMappingResult(null, stub, new EquatableArray<DiagnosticInfo>([new DiagnosticInfo(descriptor, declaration.PathLocation, new EquatableArray<string>(arguments))]));
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
