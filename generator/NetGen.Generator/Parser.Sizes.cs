using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Parser
{
    /// <summary>
    /// The most parameters a network may have: the parameter array also holds a vector of padding and up
    /// to a cache line before its aligned start, and no .NET array holds more than Array.MaxLength elements.
    /// </summary>
    internal const long MaxParameterCount = 0x7FFFFFC7L - 64;

    /// <summary>
    /// Counts the parameters in 64 bits, layer by layer, and reports the layer at which they outgrow an
    /// array, before any size is multiplied in 32 bits where it could wrap.
    /// </summary>
    private static void CheckSizes(INamedTypeSymbol type, List<DenseLayerSpec> layers, List<AttributeData> attributes,
        CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        long total = 0;
        for (int index = 0; index < layers.Count; index++)
        {
            DenseLayerSpec layer = layers[index];
            if (layer.InputSize <= 0 || layer.OutputSize <= 0)
                return; // reported as NG0004 already
            total += (long)layer.InputSize * layer.OutputSize + layer.OutputSize;
            if (total > MaxParameterCount)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkTooLarge, LocationOf(attributes[index], cancellationToken),
                    type.Name, Text(index + 1), Text(layer.InputSize), Text(layer.OutputSize),
                    total.ToString(CultureInfo.InvariantCulture), MaxParameterCount.ToString(CultureInfo.InvariantCulture)));
                return;
            }
        }
    }

    /// <summary>The parameter count when every size is known and positive and the total fits, else null.</summary>
    private static int? ParameterCountOf(IReadOnlyList<DenseLayerSpec> layers)
    {
        long total = 0;
        foreach (DenseLayerSpec layer in layers)
        {
            if (layer.InputSize <= 0 || layer.OutputSize <= 0)
                return null;
            total += (long)layer.InputSize * layer.OutputSize + layer.OutputSize;
            if (total > MaxParameterCount)
                return null;
        }
        return layers.Count == 0 ? null : (int)total;
    }
}
