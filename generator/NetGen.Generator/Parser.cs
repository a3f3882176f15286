using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Reads a <c>[Network]</c> class's attributes into a <see cref="NetworkSpec"/>, or into diagnostics
/// that say what to write instead. It never throws: every failure becomes a diagnostic.
/// </summary>
internal static partial class Parser
{
    public const string NetworkAttributeName = "NetGen.NetworkAttribute";
    public const string InputAttributeName = "NetGen.InputAttribute";
    public const string DenseAttributeName = "NetGen.DenseAttribute";
    public const string OnnxNetworkAttributeName = "NetGen.OnnxNetworkAttribute";

    private static readonly Dictionary<string, OptimizerKind> OptimizerAttributes = new()
    {
        ["NetGen.SgdAttribute"] = OptimizerKind.Sgd,
        ["NetGen.AdamAttribute"] = OptimizerKind.Adam,
        ["NetGen.AdamWAttribute"] = OptimizerKind.AdamW,
        ["NetGen.RmsPropAttribute"] = OptimizerKind.RmsProp,
    };

    /// <summary>Errors after which the class cannot take generated members at all, not even a public surface.</summary>
    private static readonly DiagnosticDescriptor[] StructuralErrors =
    [
        DiagnosticDescriptors.NotPartial, DiagnosticDescriptors.StaticNetwork, DiagnosticDescriptors.GenericNetwork,
        DiagnosticDescriptors.FileLocalNetwork, DiagnosticDescriptors.PrimaryConstructor, DiagnosticDescriptors.RecordNetwork,
        DiagnosticDescriptors.AbstractNetwork,
    ];

    private static readonly ParseResult Nothing = new(null, EquatableArray<DiagnosticInfo>.Empty, null);

    public static bool IsCandidate(SyntaxNode node) =>
        node is ClassDeclarationSyntax || (node is RecordDeclarationSyntax record && !record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword));

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // A declaration still being typed may have no name yet: the compiler reports it, and there is
        // nowhere to put a diagnostic or a class.
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration
            || declaration.Identifier.IsMissing || type.Name.Length == 0)
            return Nothing;
        try
        {
            return ParseNetwork(type, declaration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratorFailure, declaration.Identifier.GetLocation(), type.Name, exception.Message));
        }
    }

    /// <summary>
    /// NG0020 for a class with layer attributes and no [Network], from the pipeline of
    /// <paramref name="layerAttribute"/>: [Input] reports it, or [Dense] where the class has no [Input].
    /// </summary>
    public static DiagnosticInfo? LayersWithoutNetwork(GeneratorAttributeSyntaxContext context, string layerAttribute, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax)
            return null;
        var attributes = type.GetAttributes();
        if (attributes.Any(a => a.AttributeClass is null or IErrorTypeSymbol || Is(a, NetworkAttributeName) || Is(a, OnnxNetworkAttributeName)))
            return null;
        if (layerAttribute == DenseAttributeName && attributes.Any(a => Is(a, InputAttributeName)))
            return null;
        // A class declared in several parts is visited once for each part that carries the attribute.
        AttributeData? first = context.Attributes.FirstOrDefault();
        AttributeData? firstOfType = attributes.FirstOrDefault(a => Is(a, layerAttribute));
        if (first is null || firstOfType is null || first.ApplicationSyntaxReference?.Span != firstOfType.ApplicationSyntaxReference?.Span
            || first.ApplicationSyntaxReference?.SyntaxTree != firstOfType.ApplicationSyntaxReference?.SyntaxTree)
            return null;
        return DiagnosticInfo.Create(DiagnosticDescriptors.LayersWithoutNetwork, LocationOf(first, cancellationToken), type.Name);
    }

    private static ParseResult ParseNetwork(INamedTypeSymbol type, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        // Several declarations carrying [Network] are already a compiler error (CS0579); answer for the first only.
        AttributeData? network = attributes.FirstOrDefault(a => Is(a, NetworkAttributeName));
        if (network is null || DeclarationOf(network, cancellationToken) != declaration
            || attributes.Any(a => Is(a, OnnxNetworkAttributeName)))
            return Nothing;
        // An attribute that does not bind (mid-typing, a misspelt name, a bad argument) is the
        // compiler's to report; checking the rest would only add noise about what is missing.
        if (attributes.Any(a => a.AttributeClass is null or IErrorTypeSymbol || (IsOurs(a) && HasErrors(a))))
            return Nothing;

        var diagnostics = new List<DiagnosticInfo>();
        Location classLocation = declaration.Identifier.GetLocation();

        CheckDeclaration(type, declaration, classLocation, diagnostics);
        var layerAttributes = attributes.Where(a => Is(a, InputAttributeName) || Is(a, DenseAttributeName)).ToList();
        CheckLayersOnOneDeclaration(type, layerAttributes, cancellationToken, diagnostics);

        var loss = (LossKind)ReadEnum(network.ConstructorArguments[0]);
        var precision = (PrecisionKind)ReadEnum(Named(network, "Precision"), (int)PrecisionKind.Single);
        var (l1, l2) = ReadPenalties(network, precision, cancellationToken, diagnostics);
        CheckDefined(loss, "Loss", network, cancellationToken, diagnostics);
        var (weights, weightsLocation) = ReadWeights(network, cancellationToken, diagnostics);
        CheckDefined(precision, "Precision", network, cancellationToken, diagnostics);

        AttributeData? input = layerAttributes.FirstOrDefault(a => Is(a, InputAttributeName));
        int inputSize = 0;
        if (input is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInput, classLocation, type.Name));
        }
        else
        {
            inputSize = (int)input.ConstructorArguments[0].Value!;
            if (inputSize <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, LocationOf(input, cancellationToken),
                    "[Input]", Text(inputSize), "Input", ""));
        }

        var layers = ReadLayers(type, layerAttributes, inputSize, cancellationToken, diagnostics);
        if (layers.Count == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDense, classLocation, type.Name));
        else
            CheckLoss(type, loss, layers[layers.Count - 1].Activation, LocationOf(network, cancellationToken), diagnostics);

        OptimizerSpec optimizer = ReadOptimizer(type, attributes, precision, cancellationToken, diagnostics);
        bool collides = CheckGeneratedNames(type, precision, diagnostics);

        if (diagnostics.Count > 0)
        {
            // Where the class can take members, its public surface is still generated, so that the NG error
            // is the only one and the code that uses the network does not add a cascade of its own.
            bool structural = diagnostics.Any(d => StructuralErrors.Contains(d.Descriptor));
            StubSpec? stub = structural || collides ? null : Stub(type, classLocation, precision, inputSize, layers, diagnostics[0].Descriptor.Id,
                hasOwnSeedConstructor: diagnostics.Any(d => d.Descriptor == DiagnosticDescriptors.ConstructorSkipsInitialization));
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>([.. diagnostics]), stub);
        }
        return new ParseResult(
            new NetworkSpec(
                DeclaredType(type),
                loss,
                precision,
                inputSize,
                layers.ToEquatableArray(),
                optimizer,
                l1,
                l2,
                UserMemberNames(type),
                ShadowsImportedNames(type),
                weights)
            {
                Location = LocationInfo.From(classLocation),
                WeightsLocation = LocationInfo.From(weightsLocation),
            },
            EquatableArray<DiagnosticInfo>.Empty,
            null);
    }

    /// <summary>The L1 and L2 penalties of <paramref name="network"/>, each finite, at least 0 and within the precision's range.</summary>
    private static (double L1, double L2) ReadPenalties(AttributeData network, PrecisionKind precision, CancellationToken cancellationToken,
        List<DiagnosticInfo> diagnostics)
    {
        double l1 = ReadDouble(Named(network, "L1"), 0), l2 = ReadDouble(Named(network, "L2"), 0);
        foreach (var (name, value) in new[] { ("L1", l1), ("L2", l2) })
        {
            if (!IsFiniteAtLeastZero(value))
                diagnostics.Add(Invalid(network, cancellationToken,
                    $"{name} is {Text(value)}: a penalty must be a finite number of at least 0, for example {name} = 1e-4"));
            else if (precision == PrecisionKind.Single && !FitsSingle(value))
                diagnostics.Add(Invalid(network, cancellationToken, SingleOverflow(name, value)));
        }
        return (l1, l2);
    }

    private static void CheckDeclaration(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location classLocation, List<DiagnosticInfo> diagnostics)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, classLocation, type.Name, ""));
        if (type.IsStatic)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StaticNetwork, classLocation, type.Name));
        if (type.TypeParameters.Length > 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericNetwork, classLocation, type.Name, "is generic"));
        if (type.IsRecord)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RecordNetwork, classLocation, type.Name));
        if (type.IsAbstract && !type.IsStatic)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AbstractNetwork, classLocation, type.Name));
        if (type.IsFileLocal)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FileLocalNetwork, classLocation, type.Name));
        if (declaration.ParameterList is not null)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PrimaryConstructor, declaration.ParameterList.GetLocation(), type.Name));
        CheckConstructors(type, diagnostics);

        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericNetwork, classLocation, type.Name,
                    $"is nested in the generic type '{outer.Name}'"));
            }
            else if (outer.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, classLocation, outer.Name,
                    $", since the network '{type.Name}' is nested in it"));
            }
        }
    }

    /// <summary>
    /// A constructor of the user's own must run the generated one (which draws the parameters) through
    /// <c>: this(…)</c>, and must not take its place with the same single int parameter.
    /// </summary>
    private static void CheckConstructors(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not ConstructorDeclarationSyntax syntax)
                    continue;
                string? problem =
                    constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32
                        ? "has the signature of the generated constructor"
                    : syntax.Initializer is null || !syntax.Initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword)
                        ? "does not call ': this(seed)'"
                    : null;
                if (problem is not null)
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConstructorSkipsInitialization, syntax.Identifier.GetLocation(), type.Name, problem));
            }
        }
    }

    private static void CheckLayersOnOneDeclaration(INamedTypeSymbol type, List<AttributeData> layerAttributes,
        CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        SyntaxNode? first = null;
        foreach (AttributeData attribute in layerAttributes)
        {
            SyntaxNode? owner = DeclarationOf(attribute, cancellationToken);
            first ??= owner;
            if (owner != first)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersOnSeveralDeclarations, LocationOf(attribute, cancellationToken), type.Name));
                return;
            }
        }
    }

    private static List<DenseLayerSpec> ReadLayers(INamedTypeSymbol type, List<AttributeData> layerAttributes, int inputSize,
        CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        var dense = layerAttributes.Where(a => Is(a, DenseAttributeName)).ToList();
        var layers = new List<DenseLayerSpec>(dense.Count);
        int previousSize = inputSize;
        for (int index = 0; index < dense.Count; index++)
        {
            AttributeData attribute = dense[index];
            int size = (int)attribute.ConstructorArguments[0].Value!;
            var activation = (ActivationKind)ReadEnum(attribute.ConstructorArguments[1]);
            var init = (InitKind)ReadEnum(Named(attribute, "Init"), (int)InitKind.Default);
            double initScale = ReadDouble(Named(attribute, "InitScale"), 1.0);
            double dropout = ReadDouble(Named(attribute, "Dropout"), 0);
            string? name = Named(attribute, "Name")?.Value as string;
            string layerName = $"layer {index + 1} ([Dense])";
            double argument = ReadActivationArgument(attribute, activation, layerName, cancellationToken, diagnostics);

            if (size <= 0)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPositiveSize, LocationOf(attribute, cancellationToken),
                    layerName, Text(size), "Dense", ", Activation." + (Enum.IsDefined(typeof(ActivationKind), activation) ? activation : ActivationKind.ReLU)));
            CheckDefined(activation, "Activation", attribute, cancellationToken, diagnostics);
            CheckDefined(init, "Init", attribute, cancellationToken, diagnostics);
            if (!(initScale >= 0) || double.IsInfinity(initScale))
                diagnostics.Add(Invalid(attribute, cancellationToken,
                    $"InitScale of {layerName} is {Text(initScale)}: it must be a finite number of at least 0, for example InitScale = 0.01"));
            if (!(dropout >= 0 && dropout < 1))
                diagnostics.Add(Invalid(attribute, cancellationToken,
                    $"Dropout of {layerName} is {Text(dropout)}: it must be a probability of at least 0 and below 1, for example Dropout = 0.5"));
            else if (dropout > 0 && index == dense.Count - 1)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutOnFinalLayer, LocationOf(attribute, cancellationToken),
                    Text(index + 1), type.Name));
            if (activation == ActivationKind.Softmax && index != dense.Count - 1)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxNotLast, LocationOf(attribute, cancellationToken),
                    Text(index + 1), type.Name));

            layers.Add(new DenseLayerSpec(previousSize, size, activation, argument, ResolveInit(init, activation), initScale, dropout, name));
            previousSize = size;
        }
        CheckNames(layers, dense, cancellationToken, diagnostics);
        CheckSizes(type, layers, dense, cancellationToken, diagnostics);
        return layers;
    }

    /// <summary>
    /// Layer names become PyTorch module names (<c>lin_1.weight</c>): every layer has one or none does (an
    /// <c>nn.Sequential</c>, numbered), and each is non-empty, holds no '.' (which separates a module path) and is
    /// its layer's alone, as <c>nn.Module.add_module</c> requires.
    /// </summary>
    private static void CheckNames(List<DenseLayerSpec> layers, List<AttributeData> dense, CancellationToken cancellationToken,
        List<DiagnosticInfo> diagnostics)
    {
        int named = layers.Count(l => l.Name is not null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int index = 0; index < layers.Count; index++)
        {
            string? name = layers[index].Name;
            string layerName = $"layer {index + 1} ([Dense])";
            if (name is null)
            {
                if (named > 0)
                    diagnostics.Add(Invalid(dense[index], cancellationToken,
                        $"Layer {Text(index + 1)} ([Dense]) has no Name while {Text(named)} of the {Text(layers.Count)} layers have one: name every layer (a model of named modules) or none (an nn.Sequential)"));
                continue;
            }
            if (name.Length == 0 || name.IndexOf('.') >= 0)
                diagnostics.Add(Invalid(dense[index], cancellationToken,
                    $"Name of {layerName} is \"{name}\": a PyTorch module name must be non-empty and hold no '.', for example Name = \"lin_{Text(index + 1)}\""));
            else if (!seen.Add(name))
                diagnostics.Add(Invalid(dense[index], cancellationToken,
                    $"Name of {layerName} is \"{name}\", which an earlier layer has: each layer's module needs a name of its own"));
        }
    }

    private static void CheckLoss(INamedTypeSymbol type, LossKind loss, ActivationKind finalActivation, Location? networkLocation,
        List<DiagnosticInfo> diagnostics)
    {
        if (LossMismatch(loss, finalActivation) is { } descriptor)
            diagnostics.Add(DiagnosticInfo.Create(descriptor, networkLocation, type.Name, finalActivation.ToString()));
    }

    /// <summary>The error for a loss that needs another final activation (NG0006, NG0007), or null where they fit.</summary>
    public static DiagnosticDescriptor? LossMismatch(LossKind loss, ActivationKind finalActivation) =>
        loss == LossKind.CrossEntropy && finalActivation != ActivationKind.Softmax ? DiagnosticDescriptors.CrossEntropyNeedsSoftmax
        : loss == LossKind.BinaryCrossEntropy && finalActivation != ActivationKind.Sigmoid ? DiagnosticDescriptors.BinaryCrossEntropyNeedsSigmoid
        : null;

    /// <summary>
    /// The activation's argument as declared (LeakyReLU's NegativeSlope), or its default; an argument set
    /// on an activation that takes none, or out of range, is NG0012.
    /// </summary>
    private static double ReadActivationArgument(AttributeData attribute, ActivationKind activation, string layerName,
        CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        const string name = "NegativeSlope";
        TypedConstant? declared = Named(attribute, name);
        ActivationTraits traits = ActivationTable.Of(activation);
        if (traits.ArgumentName != name)
        {
            if (declared is not null)
                diagnostics.Add(Invalid(attribute, cancellationToken,
                    $"{name} of {layerName} applies to Activation.LeakyReLU only, and this layer's activation is {activation}: remove {name}, or use Activation.LeakyReLU"));
            return traits.DefaultArgument;
        }
        double slope = ReadDouble(declared, traits.DefaultArgument);
        // From 0 on, LeakyReLU's output is above 0 exactly where its input is, so its derivative can be read
        // from the output (as PyTorch's in-place LeakyReLU, which refuses a negative slope for the same reason).
        if (!(slope >= 0) || double.IsInfinity(slope))
            diagnostics.Add(Invalid(attribute, cancellationToken,
                $"{name} of {layerName} is {Text(slope)}: it must be a finite number of at least 0, for example {name} = 0.2"));
        return slope;
    }

    private static InitKind ResolveInit(InitKind init, ActivationKind activation) =>
        init != InitKind.Default ? init : ActivationTable.Of(activation).DefaultInit;

    private static ParseResult Failed(params DiagnosticInfo[] diagnostics) => new(null, new EquatableArray<DiagnosticInfo>(diagnostics), null);
}
