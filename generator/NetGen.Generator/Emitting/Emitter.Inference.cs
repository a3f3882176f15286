using System.Globalization;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        private void WriteForward()
        {
            writer.Line("/// <summary>");
            writer.Line("/// Runs the network on one sample or a batch (whole rows of InputSize in, OutputSize out). Any number");
            writer.Line("/// of threads may call it on one instance at once: each runs in scratch of its own.");
            writer.Line("/// </summary>");
            using (writer.Open($"public void Forward({ReadOnlySpan} input, {Span} output)"))
            {
                using (writer.Open("if (input.Length == InputSize)"))
                {
                    writer.Line($"Checks.Rows(output.Length, 1, OutputSize, nameof(OutputSize), nameof(output));");
                    writer.Line("ForwardOne(input, output);");
                    writer.Line("return;");
                }
                writer.Line($"InferenceScratch<{T}> scratch = Inference;");
                writer.Line($"int batch = Checks.BatchSize(input.Length, InputSize, nameof(input));");
                writer.Line($"Checks.Rows(output.Length, batch, OutputSize, nameof(OutputSize), nameof(output));");
                if (LayerCount > 1)
                    writer.Line("scratch.EnsureRows();");
                writer.Line("// Pieces of the batch, so that the scratch stays the same size whatever the batch.");
                using (writer.Open("for (int first = 0; first < batch; first += ForwardPiece)"))
                {
                    writer.Line("int count = Math.Min(ForwardPiece, batch - first);");
                    writer.Line($"{Span} piece = output.Slice(first * OutputSize, count * OutputSize);");
                    writer.Line($"ForwardLayers(input.Slice(first * InputSize, count * InputSize), piece, 0, count{HiddenRows(l => $"scratch.HiddenRows({l - 1})")}{PreActivationRows(_ => "null")}"
                        + $"{(HasDropout ? ", training: false" : "")}{(SplitsFirstLayerByRows ? ", chunked: false" : "")});");
                    WriteActivation(FinalLayer, "piece", "OutputSize", "count");
                }
            }
            writer.Line();
        }

        private string Threshold => Literal(plan.OutputThreshold);

        private void WritePredict()
        {
            writer.Line("/// <summary>");
            writer.Line("/// The index of the largest output; with a single output, 1 when it is above "
                + plan.OutputThreshold.ToString(CultureInfo.InvariantCulture) + ", else 0. Safe to call from any number of threads at once.");
            writer.Line("/// </summary>");
            using (writer.Open($"public int Predict({ReadOnlySpan} input)"))
            {
                writer.Line($"Checks.Length(input, InputSize, nameof(input));");
                writer.Line("// A class read from a NaN would be arbitrary, and not every activation carries a NaN through (ReLU may give 0).");
                writer.Line($"Checks.Finite(input, nameof(input));");
                writer.Line($"{T}[] prediction = Inference.Prediction;");
                writer.Line("ForwardOne(input, prediction);");
                writer.Line($"return Predictions.Decide<{T}>(prediction, {Threshold});");
            }
            writer.Line();
        }

        /// <summary>
        /// Forward and Predict write only to scratch of the calling thread's: the rows of a small network's
        /// one sample on the call's stack, and otherwise one set per thread for every instance of the class
        /// (NetGen.Kernels.InferenceScratch), so that one trained instance serves any number of threads with no
        /// lock and no allocation once each thread has its set.
        /// </summary>
        private void WriteInferenceScratch()
        {
            string hidden = string.Concat(spec.Layers.Take(LayerCount - 1).Select(l => ", " + l.OutputSize));
            writer.Line($"/// <summary>Samples of a batch that Forward runs at a time.</summary>");
            writer.Line($"private const int ForwardPiece = {plan.Inference.ForwardPiece};");
            writer.Line();
            writer.Line("[ThreadStatic]");
            writer.Line($"private static InferenceScratch<{T}>? t_inference;");
            writer.Line();
            writer.Line("/// <summary>The calling thread's scratch for Forward and Predict, made on its first call.</summary>");
            writer.Line($"private static InferenceScratch<{T}> Inference => t_inference ?? NewInferenceScratch();");
            writer.Line();
            writer.Line("// Out of line, so that the calls that find their scratch carry no allocation code.");
            writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
            writer.Line($"private static InferenceScratch<{T}> NewInferenceScratch() =>");
            writer.Line($"    t_inference = new InferenceScratch<{T}>({plan.Inference.SampleLength}, OutputSize, ForwardPiece{hidden});");
            writer.Line();
        }
    }
}
