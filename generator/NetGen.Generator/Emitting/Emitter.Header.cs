using System.Globalization;
using System.Linq;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The comment that opens the class: the network as declared, then each layer with the form the plan
        /// chose for it and the rule that chose it, then the one-sample path and the training schedule, so that
        /// a reader knows what each method below is before reading it.
        /// </summary>
        private void WriteHeader()
        {
            writer.Line($"// {spec.Type.Name.TrimStart('@')}: {Describe()} network of {ParameterCount} parameters in {T}.");
            // Consecutive layers described alike are described once, as a range.
            for (int l = 1; l <= LayerCount;)
            {
                string[] description = DescribeLayer(l);
                int last = l;
                while (last < LayerCount && DescribeLayer(last + 1).SequenceEqual(description))
                    last++;
                writer.Line(last == l ? $"// Layer {l}: {description[0]}." : $"// Layers {l}-{last}: {description[0]} each.");
                writer.Line($"//   {description[1]}");
                l = last + 1;
            }
            writer.Line($"// One sample (Forward of one row, Predict): {OneSampleReason()}.");
            writer.Line($"// Training: {TrainingReason()}.");
            if (CompiledWeights)
                writer.Line($"// Parameters: compiled in from {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(spec.Weights!, quote: true)}, as the constant data of {CompiledWeightsEmitter.MemberName(spec)} in this class's second file.");
            writer.Line();
        }

        /// <summary>A layer's sizes and activation, then its forms and what training keeps, as the header gives them.</summary>
        private string[] DescribeLayer(int l)
        {
            DenseLayerSpec layer = spec.Layers[l - 1];
            LayerPlan layerPlan = LayerPlan(l);
            string dropout = layer.HasDropout ? $", then dropout of {Text(layer.Dropout)}" : "";
            string kept = layerPlan.KeepsPreActivation ? $" Training keeps its pre-activation, which {layer.Activation}'s derivative reads." : "";
            return
            [
                $"{layer.InputSize} -> {layer.OutputSize}, {layer.Activation}{dropout}, {layer.WeightCount} weights",
                $"Forward over a batch: {ForwardReason(layer, layerPlan)}. Backward: {BackwardReason(l, layerPlan)}.{kept}",
            ];
        }

        private string ForwardReason(DenseLayerSpec layer, LayerPlan layerPlan) => layerPlan.Forward switch
        {
            ForwardForm.Unrolled =>
                $"unrolled, a statement per output (at most {Planner.UnrollLimit} weights, under {Planner.VectorForwardOutputs} outputs)",
            ForwardForm.UnrolledVectors =>
                $"unrolled in {layerPlan.ForwardVectors} Vector128s along the output row (at most {Planner.UnrollLimit} weights)",
            ForwardForm.VectorRows => $"Dense.ForwardVectorRows, along its input row of one Vector256",
            ForwardForm.ProductKernel => "Dense.Forward ("
                + (layer.WeightCount > Planner.UnrollLimit
                    ? $"over {Planner.UnrollLimit} weights"
                    : $"past the {Planner.UnrolledWeightBudget} weights that the layers before it unroll") + ")"
                + (layerPlan.SplitByRows ? ", by halves of its weight rows in a batch of several chunks" : "")
                + (layerPlan.PanelWidth > 0 ? ", its weights panel by panel where the core's products read panels" : ""),
            _ => throw new System.ArgumentOutOfRangeException(nameof(layerPlan)),
        };

        private string BackwardReason(int l, LayerPlan layerPlan) => layerPlan.Backward switch
        {
            BackwardForm.Unrolled => "unrolled",
            BackwardForm.VectorRows => "Dense.BackwardVectorRows"
                + (layerPlan.AppliesPreviousDerivative ? $", with layer {l - 1}'s derivative" : ""),
            BackwardForm.ProductKernel => "Dense.BackwardWeights"
                + (l == 1 ? "" : layerPlan.TransposedForInputGradient
                    ? $", the input gradient from weights transposed once a batch of {Planner.TransposeFromBatch} or more"
                    : ", Dense.BackwardInput"),
            BackwardForm.FusedFirstPair => l == 1
                ? "with layer 2's"
                : $"with layer 1's in one pass, layer 1's row in {plan.Training.FirstPair!.Vectors} Vector128s held in registers",
            _ => throw new System.ArgumentOutOfRangeException(nameof(layerPlan)),
        };

        private string OneSampleReason()
        {
            if (plan.Inference.RegisterPath is not { } path)
                return $"Dense.ForwardOne a layer (a layer over {Planner.RegisterLayerLimit} wide has no register path)";
            string widths = string.Join(", ", path.Widths.Select(w => $"Vector{w.Bits}"
                + (w.Layers.Any(layer => layer.Form == RegisterLayerForm.BroadcastInputsLoop) ? " (inputs in loops)" : "")));
            string kernels = path.KernelWidths.Count == 0 ? "else"
                : $"{string.Join(", ", path.KernelWidths.Select(bits => $"Vector{bits}"))} hardware and hardware without these run";
            return $"in registers at the widest of {widths} the hardware accelerates (no layer over {Planner.RegisterLayerLimit} wide, "
                + $"at most {Planner.RegisterStatementBudget} statements over every width); {kernels} Dense.ForwardOne a layer";
        }

        private string TrainingReason()
        {
            TrainingPlan training = plan.Training;
            string step = training.OptimizerStep == OptimizerStepPlacement.WithChunkSums
                ? "the optimizer steps on each block of parameters once its chunk sums are known"
                : "the optimizer waits for the whole gradient, to which the weight penalties add";
            return $"chunks of {training.ChunkSize} samples, summed in chunk order (the same bits on any number of threads); {step}";
        }

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
