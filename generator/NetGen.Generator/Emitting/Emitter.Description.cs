using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The declaration as a NetGen.NetworkDescription, the one place at run time that says what the network is:
        /// the serializers read its layers and tensor names, the constructor draws the parameters by it, and training
        /// takes the optimizer from it. Every value is written as declared (initializers resolved), in doubles.
        /// </summary>
        private void WriteDescription()
        {
            writer.Line("/// <summary>What the declaration says: each layer with its tensor names, the loss, the precision and the optimizer.</summary>");
            writer.Line("public static NetworkDescription Description { get; } = new NetworkDescription(");
            writer.Line($"    Precision.{spec.Precision}, Loss.{spec.Loss}, InputSize,");
            writer.Line("    new[]");
            writer.Line("    {");
            foreach (DenseLayerSpec layer in spec.Layers)
                writer.Line($"        {LayerDescription(layer)},");
            writer.Line("    },");
            var penalties = new List<string>();
            if (spec.L1 > 0)
                penalties.Add($"L1 = {Double(spec.L1)}");
            if (spec.L2 > 0)
                penalties.Add($"L2 = {Double(spec.L2)}");
            writer.Line($"    {OptimizerDescription()})" + (penalties.Count == 0 ? ";" : $" {{ {string.Join(", ", penalties)} }};"));
            writer.Line();
        }

        private static string LayerDescription(DenseLayerSpec layer)
        {
            var members = new List<string> { $"Init = Init.{layer.Init}" };
            if (layer.InitScale != 1.0)
                members.Add($"InitScale = {Double(layer.InitScale)}");
            if (layer.HasDropout)
                members.Add($"Dropout = {Double(layer.Dropout)}");
            if (ActivationTable.Of(layer.Activation).ArgumentName is { } argument)
                members.Add($"{argument} = {Double(layer.ActivationArgument)}");
            if (layer.Name is { } name)
                members.Add($"Name = {SymbolDisplay.FormatLiteral(name, quote: true)}");
            return $"new LayerDescription({layer.OutputSize}, Activation.{layer.Activation}) {{ {string.Join(", ", members)} }}";
        }

        /// <summary>The optimizer with every setting its kind uses, so that the file says all of them.</summary>
        private string OptimizerDescription()
        {
            OptimizerSpec o = spec.Optimizer;
            var members = o.Kind switch
            {
                OptimizerKind.Sgd =>
                    new[] { $"Momentum = {Double(o.Momentum)}", $"Dampening = {Double(o.Dampening)}", $"Nesterov = {Bool(o.Nesterov)}", $"WeightDecay = {Double(o.WeightDecay)}" },
                OptimizerKind.Adam or OptimizerKind.AdamW =>
                    new[] { $"Beta1 = {Double(o.Beta1)}", $"Beta2 = {Double(o.Beta2)}", $"Epsilon = {Double(o.Epsilon)}", $"WeightDecay = {Double(o.WeightDecay)}", $"AmsGrad = {Bool(o.AmsGrad)}" },
                _ =>
                    new[] { $"Alpha = {Double(o.Alpha)}", $"Epsilon = {Double(o.Epsilon)}", $"Momentum = {Double(o.Momentum)}", $"Centered = {Bool(o.Centered)}", $"WeightDecay = {Double(o.WeightDecay)}" },
            };
            return $"new OptimizerDescription(OptimizerKind.{o.Kind}, {Double(o.LearningRate)}) {{ {string.Join(", ", members)} }}";
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
