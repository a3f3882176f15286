using System;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Onnx;

/// <summary>
/// The first reason a graph cannot become a network, as the diagnostic that says so: thrown inside
/// <see cref="OnnxGraphMapper"/> only, where a fault deep in the walk ends it, and caught by <see cref="OnnxNetworkMapper"/>.
/// </summary>
internal sealed class OnnxMappingException(DiagnosticDescriptor descriptor, string[] arguments)
    : Exception(string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(), arguments))
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    /// <summary>The message's arguments, the network's name and the file's path first.</summary>
    public string[] Arguments { get; } = arguments;
}
