using System;

namespace NetGen.Onnx.Graph;

/// <summary>
/// Writes the nodes, and the initializers they read, that compute one dense layer's <c>x·Wᵀ + b</c> of
/// <paramref name="input"/> into <paramref name="output"/>, naming them after <paramref name="scope"/>: the part of a
/// layer in which the float and the quantized export differ. <paramref name="weight"/> is W [out, in] row-major and
/// <paramref name="bias"/> b [out], as <c>ExportParameters</c> gives them.
/// </summary>
internal delegate void LinearNodes(
    OnnxGraphWriter graph, LayerDescription layer, string scope, string input, ReadOnlySpan<double> weight, ReadOnlySpan<double> bias, string output);
