using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Weights;

/// <summary>
/// Finds the file a network's <c>Weights =</c> names among those the build handed over and checks it against the
/// declaration: every tensor the layers need, named as PyTorch's state_dict names them, with its shape, a floating
/// dtype the precision takes and finite values, and no other tensor. Each fault is its own diagnostic at the
/// <c>Weights =</c> argument; a file that passes gives the parameters in the canonical order.
/// </summary>
internal static class WeightsMatcher
{
    public static CompiledNetworkSpec Match(NetworkSpec network, EquatableArray<WeightsFileSpec> files, EquatableArray<string> listedBinaryPaths)
    {
        if (network.Weights is not { } path)
            return new CompiledNetworkSpec(network, EquatableArray<long>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        var diagnostics = new List<DiagnosticInfo>();
        DiagnosticInfo Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments) =>
            new(descriptor, network.WeightsLocation, new EquatableArray<string>([network.Type.Name, .. arguments]));

        WeightsFileSpec? file = HandedOverFiles.Find(path, files, f => f.ProjectPath, f => f.Problem == WeightsFileProblem.Unreadable);
        long[] bits = [];
        if (file is null)
        {
            var (descriptor, arguments) = HandedOverFiles.Missing(path, files.Select(f => f.ProjectPath), listedBinaryPaths, "weights");
            diagnostics.Add(Report(descriptor, arguments));
        }
        else if (file.Problem != WeightsFileProblem.None)
        {
            diagnostics.Add(Report(file.Problem == WeightsFileProblem.Malformed ? DiagnosticDescriptors.WeightsFileMalformed : DiagnosticDescriptors.WeightsFileUnreadable,
                path, file.Detail ?? ""));
        }
        else
        {
            bits = Check(network, path, file, diagnostics, Report);
        }
        return new CompiledNetworkSpec(network, new EquatableArray<long>(diagnostics.Count == 0 ? bits : []), new EquatableArray<DiagnosticInfo>([.. diagnostics]));
    }

    private static long[] Check(NetworkSpec network, string path, WeightsFileSpec file, List<DiagnosticInfo> diagnostics,
        Func<Microsoft.CodeAnalysis.DiagnosticDescriptor, string[], DiagnosticInfo> report)
    {
        var expected = ExpectedTensors(network);
        var byName = file.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var parameters = new List<long>();
        foreach (var (name, shape, layer, describe) in expected)
        {
            string shapeText = "[" + string.Join(", ", shape) + "]";
            if (!byName.TryGetValue(name, out SafetensorsTensorSpec? tensor))
            {
                diagnostics.Add(report(DiagnosticDescriptors.WeightsTensorMissing,
                    [name, shapeText, Text(layer), path, file.Tensors.Count == 0 ? "none" : string.Join(", ", file.Tensors.Select(t => $"'{t.Name}' {t.ShapeText}"))]));
                continue;
            }
            if (!tensor.Shape.SequenceEqual(shape))
            {
                diagnostics.Add(report(DiagnosticDescriptors.WeightsTensorShapeMismatch, [name, path, tensor.ShapeText, shapeText, Text(layer), describe]));
                continue;
            }
            if (DTypeProblem(tensor.DType, network.Precision) is { } problem)
            {
                diagnostics.Add(report(DiagnosticDescriptors.WeightsTensorDType,
                    [name, path, tensor.DType, network.Precision == PrecisionKind.Double ? "double-precision" : "single-precision", problem]));
                continue;
            }
            double[] values = TensorValues.ToDoubles(tensor);
            // F32, F16 and BF16 values are all within float's range, and F64 reaches only double networks, so a
            // value that is finite in the file is finite in the network.
            int bad = Array.FindIndex(values, v => double.IsNaN(v) || double.IsInfinity(v));
            if (bad >= 0)
            {
                diagnostics.Add(report(DiagnosticDescriptors.WeightsTensorNotFinite, [name, path, Text(values[bad]), Text(bad)]));
                continue;
            }
            parameters.AddRange(values.Select(BitConverter.DoubleToInt64Bits));
        }
        var declared = new HashSet<string>(expected.Select(e => e.Name), StringComparer.Ordinal);
        foreach (SafetensorsTensorSpec extra in file.Tensors.Where(t => !declared.Contains(t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal))
            diagnostics.Add(report(DiagnosticDescriptors.WeightsTensorUnexpected,
                [path, extra.Name, extra.ShapeText, string.Join(", ", expected.Select(e => $"'{e.Name}'"))]));
        return [.. parameters];
    }

    /// <summary>
    /// The tensors the layers need in the canonical order, named as PyTorch names the equivalent model's: by the
    /// layer's Name where the layers are named, else by its index in an nn.Sequential, where each layer is a
    /// Linear, then its activation (none for the identity), then its Dropout when it has one.
    /// </summary>
    private static List<(string Name, long[] Shape, int Layer, string Describe)> ExpectedTensors(NetworkSpec network)
    {
        var tensors = new List<(string, long[], int, string)>();
        int module = 0;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            DenseLayerSpec layer = network.Layers[l];
            string prefix = layer.Name ?? Text(module);
            string describe = $"Dense({layer.OutputSize}) after {layer.InputSize} inputs";
            tensors.Add((prefix + ".weight", [layer.OutputSize, layer.InputSize], l + 1, describe));
            tensors.Add((prefix + ".bias", [layer.OutputSize], l + 1, describe));
            module += 1 + (layer.Activation == ActivationKind.Identity ? 0 : 1) + (layer.HasDropout ? 1 : 0);
        }
        return tensors;
    }

    /// <summary>Why <paramref name="dtype"/> cannot fill a network of <paramref name="precision"/>, or null where it can.</summary>
    private static string? DTypeProblem(string dtype, PrecisionKind precision) =>
        !SafetensorsDTypeSizes.IsFloatingPoint(dtype)
            ? "a network's parameters come from F32, F64, F16 or BF16 tensors: save the model's floating-point state_dict"
            : dtype == "F64" && precision == PrecisionKind.Single
                ? "rounding F64 to float would change the values: declare the network with Precision = Precision.Double, or save the model as float32 (model.float())"
                : null;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
