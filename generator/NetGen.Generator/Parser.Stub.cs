using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Parser
{
    /// <summary>The public surface of a network whose declaration has errors, with the sizes that are known.</summary>
    private static StubSpec Stub(INamedTypeSymbol type, Location location, PrecisionKind precision, int inputSize, List<DenseLayerSpec> layers,
        string errorId, bool hasOwnSeedConstructor)
    {
        int outputSize = layers.Count > 0 ? layers[layers.Count - 1].OutputSize : 0;
        return new StubSpec(
            DeclaredType(type),
            Enum.IsDefined(typeof(PrecisionKind), precision) ? precision : PrecisionKind.Single,
            inputSize > 0 ? inputSize : null,
            outputSize > 0 ? outputSize : null,
            ParameterCountOf(layers),
            WithConstructor: !hasOwnSeedConstructor,
            errorId,
            LocationInfo.From(location));
    }
}
