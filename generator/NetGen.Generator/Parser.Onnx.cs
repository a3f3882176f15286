using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;
using NetGen.Generator.Weights;

namespace NetGen.Generator;

internal static partial class Parser
{
    private static readonly OnnxParseResult NoOnnxNetwork = new(null, EquatableArray<DiagnosticInfo>.Empty, null);

    /// <summary>
    /// Reads an <c>[OnnxNetwork("model.onnx")]</c> class: the checks every network class takes, then what its
    /// attributes settle (the path, and Loss, Precision, L1, L2 and an optimizer where given). The model itself is
    /// read later, where the file's content joins the pipeline (<see cref="Onnx.OnnxNetworkMapper"/>).
    /// </summary>
    public static OnnxParseResult ParseOnnx(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration
            || declaration.Identifier.IsMissing || type.Name.Length == 0)
            return NoOnnxNetwork;
        try
        {
            return ParseOnnxNetwork(type, declaration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new OnnxParseResult(null, new EquatableArray<DiagnosticInfo>([
                DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, declaration.Identifier.GetLocation(), type.Name, exception.Message)]), null);
        }
    }

    private static OnnxParseResult ParseOnnxNetwork(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        AttributeData? onnx = attributes.FirstOrDefault(a => Is(a, OnnxNetworkAttributeName));
        if (onnx is null || DeclarationOf(onnx, cancellationToken) != declaration)
            return NoOnnxNetwork;
        if (attributes.Any(a => a.AttributeClass is null or IErrorTypeSymbol || (IsOurs(a) && HasErrors(a))))
            return NoOnnxNetwork;

        var diagnostics = new List<DiagnosticInfo>();
        Location classLocation = declaration.Identifier.GetLocation();
        CheckDeclaration(type, declaration, classLocation, diagnostics);
        // The model gives the input, the layers and the weights; a declaration of its own would compete with it.
        foreach (AttributeData extra in attributes.Where(a => Is(a, NetworkAttributeName) || Is(a, InputAttributeName) || Is(a, DenseAttributeName)))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OnnxNetworkDeclaresLayers, LocationOf(extra, cancellationToken), type.Name,
                "[" + ShortName(extra) + "]"));

        LossKind? loss = Named(onnx, "Loss") is { } declaredLoss ? (LossKind)ReadEnum(declaredLoss) : null;
        PrecisionKind? precision = Named(onnx, "Precision") is { } declaredPrecision ? (PrecisionKind)ReadEnum(declaredPrecision) : null;
        if (loss is { } knownLoss)
            CheckDefined(knownLoss, "Loss", onnx, cancellationToken, diagnostics);
        if (precision is { } knownPrecision)
            CheckDefined(knownPrecision, "Precision", onnx, cancellationToken, diagnostics);
        // Until the model is read, a network of undeclared precision is checked as float, the narrower range.
        PrecisionKind checkedPrecision = precision ?? PrecisionKind.Single;
        var (l1, l2) = ReadPenalties(onnx, checkedPrecision, cancellationToken, diagnostics);
        OptimizerSpec optimizer = ReadOptimizer(type, attributes, checkedPrecision, cancellationToken, diagnostics);
        bool collides = CheckGeneratedNames(type, checkedPrecision, diagnostics);

        Location? pathLocation = (onnx.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault()?.GetLocation() ?? LocationOf(onnx, cancellationToken);
        string? path = onnx.ConstructorArguments[0].Value as string;
        if (string.IsNullOrWhiteSpace(path))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidArgument, pathLocation,
                "The ONNX file's path is empty: name a model that the project lists in AdditionalFiles, for example [OnnxNetwork(\"model.onnx\")]"));

        if (diagnostics.Count > 0)
        {
            bool structural = diagnostics.Any(d => StructuralErrors.Contains(d.Descriptor));
            StubSpec? stub = structural || collides ? null : Stub(type, classLocation, checkedPrecision, 0, [], diagnostics[0].Descriptor.Id,
                hasOwnSeedConstructor: diagnostics.Any(d => d.Descriptor == DiagnosticDescriptors.ConstructorSkipsInitialization));
            return new OnnxParseResult(null, new EquatableArray<DiagnosticInfo>([.. diagnostics]), stub);
        }
        return new OnnxParseResult(
            new OnnxNetworkDeclaration(DeclaredType(type), WeightsPaths.Normalize(path!), loss, precision, optimizer, l1, l2,
                UserMemberNames(type), ShadowsImportedNames(type))
            {
                Location = LocationInfo.From(classLocation),
                PathLocation = LocationInfo.From(pathLocation),
            },
            EquatableArray<DiagnosticInfo>.Empty,
            null);
    }
}
