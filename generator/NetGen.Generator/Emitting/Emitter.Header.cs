using System.Globalization;
using System.Linq;
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
            for (int l = 1; l <= LayerCount; l++)
            {
                DenseLayerSpec layer = spec.Layers[l - 1];
                LayerPlan layerPlan = LayerPlan(l);
                writer.Line("//");
                string dropout = layer.HasDropout ? $", then dropout of {Text(layer.Dropout)}" : "";
                writer.Line($"// Layer {l}: {layer.InputSize} -> {layer.OutputSize}, {layer.Activation}{dropout}; {layer.WeightCount} weights.");
                writer.Line($"//   Forward over a batch: {ForwardReason(layer, layerPlan)}.");
                writer.Line($"//   Backward: {BackwardReason(l, layerPlan)}.");
                if (layerPlan.KeepsPreActivation)
                    writer.Line($"//   Training keeps its pre-activation beside its output: {layer.Activation}'s derivative reads it.");
            }
            writer.Line("//");
            writer.Line($"// One sample (Forward of one row, Predict): {OneSampleReason()}.");
            writer.Line($"// Training: {TrainingReason()}.");
            writer.Line();
        }

        private string ForwardReason(DenseLayerSpec layer, LayerPlan layerPlan) => layerPlan.Forward switch
        {
            ForwardForm.Unrolled =>
                $"unrolled, a statement per output with every weight at a constant offset (at most {Planner.UnrollLimit} weights, "
                + $"and fewer than {Planner.VectorForwardOutputs} outputs to fill a vector)",
            ForwardForm.UnrolledVectors =>
                $"unrolled along the output row in {layerPlan.ForwardVectors} Vector128s (at most {Planner.UnrollLimit} weights, "
                + $"and {layer.OutputSize} outputs fill vectors)",
            ForwardForm.VectorRows =>
                $"Dense.ForwardVectorRows, the products along its input row, which is exactly one Vector256 of {layer.InputSize} values",
            ForwardForm.ProductKernel =>
                $"Dense.Forward, the register-blocked product kernel (more than {Planner.UnrollLimit} weights to unroll)"
                + (layerPlan.SplitByRows ? "; a batch of several chunks runs it by halves of its weight rows, one a thread" : ""),
            _ => throw new System.ArgumentOutOfRangeException(nameof(layerPlan)),
        };

        private string BackwardReason(int l, LayerPlan layerPlan) => layerPlan.Backward switch
        {
            BackwardForm.Unrolled => "unrolled, a statement per weight gradient and input gradient",
            BackwardForm.VectorRows => "Dense.BackwardVectorRows along its one-Vector256 input row"
                + (layerPlan.AppliesPreviousDerivative ? $", applying layer {l - 1}'s derivative with the input gradient" : ""),
            BackwardForm.ProductKernel => "Dense.BackwardWeights for its gradients"
                + (l == 1 ? "" : layerPlan.TransposedForInputGradient
                    ? $", and its input gradient through the product kernel from weights transposed once a batch of {Planner.TransposeFromBatch} or more"
                    : ", and Dense.BackwardInput for its input gradient"),
            BackwardForm.FusedFirstPair => l == 1
                ? "with layer 2's, above"
                : $"layers 2 and 1 in one pass over the batch, layer 1's row in {plan.Training.FirstPair!.Vectors} Vector128s, so that its "
                    + "input gradient, layer 1's derivative and layer 1's gradients stay in registers",
            _ => throw new System.ArgumentOutOfRangeException(nameof(layerPlan)),
        };

        private string OneSampleReason() => plan.Inference.RegisterPath is { } path
            ? "every layer written out in registers, each output vector an accumulator of partial sums, at the widest of "
                + string.Join(", ", path.Widths.Select(w => $"Vector{w.Bits}")) + " that the hardware accelerates "
                + $"(every layer at most {Planner.RegisterLayerLimit} wide), else layer by layer through Dense.ForwardOne"
            : $"layer by layer through Dense.ForwardOne (a layer wider than {Planner.RegisterLayerLimit} has no register path)";

        private string TrainingReason()
        {
            TrainingPlan training = plan.Training;
            string step = training.OptimizerStep == OptimizerStepPlacement.WithChunkSums
                ? "the optimizer step runs on each block of parameters as soon as its chunk sums are known, while it is in cache"
                : "the optimizer step waits for the whole gradient, to which the weight penalties add";
            return $"a batch above {training.ChunkSize} samples splits into chunks whose gradients are summed in chunk order, "
                + $"so the result is the same bits on any number of threads; {step}";
        }

        private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
