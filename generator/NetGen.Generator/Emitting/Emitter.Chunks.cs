using System.Collections.Generic;
using System.Linq;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The training plan as NetGen.Kernels.TrainingSchedule, which NetworkTraining reads beside the declaration
        /// (the sizes it checks a batch against, the optimizer): the chunks, the parameter blocks, where the optimizer step runs, the split first layer.
        /// </summary>
        private void WriteSchedule()
        {
            var options = new List<string>();
            if (StepsWithChunkSums)
                options.Add("StepsWithChunkSums = true");
            if (spec.Loss == Model.LossKind.BinaryCrossEntropy)
                options.Add("ProbabilityTargets = true");
            if (ReadsLabels)
                options.Add("ReadsLabels = true");
            if (SplitsFirstLayerByRows)
                options.Add($"FirstWeightBlocks = {plan.Training.FirstLayerSplit!.WeightBlocks}");
            if (LayerPlan(1).PanelWidth > 0)
                options.Add("FirstLayerPanels = Layer1Panels");
            if (SplitsFirstLayerByColumns)
                options.Add("FirstLayerColumns = Layer1Panels");
            writer.Line($"private static readonly TrainingSchedule Schedule = new TrainingSchedule(Description, ChunkSize, "
                + $"maxTrainingBatch: {plan.Training.MaxTrainingBatch}, parameterBlocks: {plan.Training.ParameterBlocks}, "
                + $"parallelParameterCount: {plan.Training.ParallelParameterCount})"
                + (options.Count == 0 ? ";" : $" {{ {string.Join(", ", options)} }};"));
        }

        /// <summary>The shape-specific work of a batch's chunks, and the object that hands it to NetworkTraining.</summary>
        private void WriteChunks()
        {
            if (SplitsFirstLayerByRows)
            {
                WriteFirstProducts();
                WriteFirstLayerGradient();
            }
            if (SplitsFirstLayerByColumns)
                WriteFirstHalfGradients();
            WriteShapeWork();
        }

        /// <summary>
        /// The <c>ITrainingLayers</c> that NetworkTraining calls back into: a private object made once per
        /// instance, so that the runtime's plumbing stays off the user's class, whose only interface is
        /// INetwork, and no call allocates. Its members are explicit implementations, which keep the
        /// interface's names when a user's member takes one of the class's private names (PrivateNames).
        /// </summary>
        private void WriteShapeWork()
        {
            string network = spec.Type.Name;
            string layers = $"ITrainingLayers<{T}>";
            writer.Line("/// <summary>The shape-specific training work that NetworkTraining calls back into.</summary>");
            using (writer.Open($"private sealed class ShapeWork : {layers}"))
            {
                writer.Line($"private readonly {network} _network;");
                writer.Line();
                writer.Line($"public ShapeWork({network} network) => _network = network;");
                // Each member the shape needs, handed to the network's private method of the same name.
                var members = new List<(string Signature, string Call)>
                {
                    ($"void {layers}.Grow(int batch)", "Grow(batch)"),
                    ($"{T} {layers}.ComputeChunk({ReadOnlySpan} inputs, {ReadOnlySpan} targets, ReadOnlySpan<int> labels, int first, int count, int batch, {Span} gradients)",
                        $"ComputeChunk(inputs, targets{(ReadsLabels ? ", labels" : "")}, first, count, batch, gradients)"),
                };
                if (HasDropout || TransposedLayers.Any())
                    members.Add(($"void {layers}.BeginBatch(int batch)", "BeginBatch(batch)"));
                if (HasPenalty)
                    members.Add(($"{T} {layers}.Penalize({T} loss, {Span} gradients)", "Penalize(loss, gradients)"));
                if (SplitsFirstLayerByRows)
                {
                    members.Add(($"void {layers}.FirstProducts(int half, {ReadOnlySpan} inputs, int batch)", "FirstProducts(half, inputs, batch)"));
                    members.Add(($"void {layers}.FirstWeightRows({ReadOnlySpan} inputs, int batch, {Span} gradients, int firstRow, int rows)",
                        "FirstWeightRows(inputs, batch, gradients, firstRow, rows)"));
                    members.Add(($"void {layers}.FirstBias(int batch, {Span} gradients)", "FirstBias(batch, gradients)"));
                }
                if (SplitsFirstLayerByColumns)
                {
                    members.Add(($"void {layers}.FirstHalfGradients(int half, int batch, {Span} gradients)", "FirstHalfGradients(half, batch, gradients)"));
                    members.Add(($"void {layers}.FirstHalfWeightRows(int half, {ReadOnlySpan} inputs, int batch, {Span} gradients, int firstRow, int rows)",
                        "FirstHalfWeightRows(half, inputs, batch, gradients, firstRow, rows)"));
                    members.Add(($"void {layers}.SecondBias(int batch, {Span} gradients)", "SecondBias(batch, gradients)"));
                }
                foreach (var (signature, call) in members)
                {
                    writer.Line();
                    writer.Line($"{signature} => _network.{call};");
                }
            }
            writer.Line();
        }
    }
}
