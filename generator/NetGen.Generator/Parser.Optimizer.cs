using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Parser
{
    private static OptimizerSpec ReadOptimizer(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, PrecisionKind precision,
        CancellationToken cancellationToken, List<DiagnosticInfo> diagnostics)
    {
        var declared = attributes
            .Where(a => a.AttributeClass is not null && OptimizerAttributes.ContainsKey(FullName(a.AttributeClass)))
            .ToList();
        if (declared.Count == 0)
            return OptimizerSpec.Default;
        for (int index = 1; index < declared.Count; index++)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MultipleOptimizers, LocationOf(declared[index], cancellationToken),
                type.Name, ShortName(declared[0]), ShortName(declared[index])));

        AttributeData attribute = declared[0];
        OptimizerKind kind = OptimizerAttributes[FullName(attribute.AttributeClass!)];
        string name = ShortName(attribute);
        double learningRate = ReadDouble(attribute.ConstructorArguments[0], 0);
        var optimizer = kind switch
        {
            OptimizerKind.Sgd => new OptimizerSpec(kind, learningRate,
                Momentum: ReadDouble(Named(attribute, "Momentum"), 0),
                Dampening: ReadDouble(Named(attribute, "Dampening"), 0),
                Nesterov: ReadBool(Named(attribute, "Nesterov"), false),
                WeightDecay: ReadDouble(Named(attribute, "WeightDecay"), 0)),
            OptimizerKind.Adam or OptimizerKind.AdamW => new OptimizerSpec(kind, learningRate,
                Beta1: ReadDouble(Named(attribute, "Beta1"), 0.9),
                Beta2: ReadDouble(Named(attribute, "Beta2"), 0.999),
                Epsilon: ReadDouble(Named(attribute, "Epsilon"), 1e-8),
                WeightDecay: ReadDouble(Named(attribute, "WeightDecay"), kind == OptimizerKind.AdamW ? 0.01 : 0),
                AmsGrad: ReadBool(Named(attribute, "AmsGrad"), false)),
            _ => new OptimizerSpec(kind, learningRate,
                Alpha: ReadDouble(Named(attribute, "Alpha"), 0.99),
                Epsilon: ReadDouble(Named(attribute, "Epsilon"), 1e-8),
                Momentum: ReadDouble(Named(attribute, "Momentum"), 0),
                Centered: ReadBool(Named(attribute, "Centered"), false),
                WeightDecay: ReadDouble(Named(attribute, "WeightDecay"), 0)),
        };

        void Require(bool valid, string property, double value, string rule, string example)
        {
            if (!valid)
                diagnostics.Add(Invalid(attribute, cancellationToken,
                    $"{name}'s {property} is {Text(value)}: it must be {rule}, for example {example}"));
        }

        Require(learningRate > 0 && !double.IsInfinity(learningRate), "LearningRate", learningRate, "a positive, finite number", $"[{name}(0.01)]");
        Require(IsFiniteAtLeastZero(optimizer.WeightDecay), "WeightDecay", optimizer.WeightDecay, "a finite number of at least 0", "WeightDecay = 1e-4");
        switch (kind)
        {
            case OptimizerKind.Sgd:
                Require(IsFiniteAtLeastZero(optimizer.Momentum), "Momentum", optimizer.Momentum, "a finite number of at least 0", "Momentum = 0.9");
                Require(optimizer.Dampening >= 0 && optimizer.Dampening <= 1, "Dampening", optimizer.Dampening, "between 0 and 1", "Dampening = 0");
                if (optimizer.Nesterov && (optimizer.Momentum <= 0 || optimizer.Dampening != 0))
                    diagnostics.Add(Invalid(attribute, cancellationToken,
                        $"Sgd's Nesterov needs a positive Momentum and zero Dampening (it has Momentum {Text(optimizer.Momentum)} and Dampening {Text(optimizer.Dampening)}): write for example [Sgd(0.01, Momentum = 0.9, Nesterov = true)]"));
                break;
            case OptimizerKind.Adam:
            case OptimizerKind.AdamW:
                Require(optimizer.Beta1 >= 0 && optimizer.Beta1 < 1, "Beta1", optimizer.Beta1, "at least 0 and below 1", "Beta1 = 0.9");
                Require(optimizer.Beta2 >= 0 && optimizer.Beta2 < 1, "Beta2", optimizer.Beta2, "at least 0 and below 1", "Beta2 = 0.999");
                Require(IsFiniteAtLeastZero(optimizer.Epsilon), "Epsilon", optimizer.Epsilon, "a finite number of at least 0", "Epsilon = 1e-8");
                break;
            default:
                Require(optimizer.Alpha >= 0 && optimizer.Alpha <= 1, "Alpha", optimizer.Alpha, "between 0 and 1", "Alpha = 0.99");
                Require(IsFiniteAtLeastZero(optimizer.Epsilon), "Epsilon", optimizer.Epsilon, "a finite number of at least 0", "Epsilon = 1e-8");
                Require(IsFiniteAtLeastZero(optimizer.Momentum), "Momentum", optimizer.Momentum, "a finite number of at least 0", "Momentum = 0.9");
                break;
        }
        if (precision == PrecisionKind.Single)
        {
            foreach (var (property, value) in new[]
            {
                ("LearningRate", optimizer.LearningRate), ("Momentum", optimizer.Momentum), ("Dampening", optimizer.Dampening),
                ("WeightDecay", optimizer.WeightDecay), ("Beta1", optimizer.Beta1), ("Beta2", optimizer.Beta2),
                ("Epsilon", optimizer.Epsilon), ("Alpha", optimizer.Alpha),
            })
            {
                if (!FitsSingle(value))
                    diagnostics.Add(Invalid(attribute, cancellationToken, SingleOverflow($"{name}'s {property}", value)));
            }
        }
        return optimizer;
    }

    /// <summary>A finite double that a float network would hold as infinity.</summary>
    private static bool FitsSingle(double value) => double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) <= float.MaxValue;

    private static string SingleOverflow(string setting, double value) =>
        $"{setting} is {Text(value)}, beyond the largest float ({Text(float.MaxValue)}), which a single-precision network computes in: "
        + "use a smaller value, or Precision = Precision.Double on [Network]";

    private static bool IsFiniteAtLeastZero(double value) => value >= 0 && !double.IsInfinity(value);

    private static string ShortName(AttributeData attribute)
    {
        string name = attribute.AttributeClass!.Name;
        return name.EndsWith("Attribute") ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }
}
