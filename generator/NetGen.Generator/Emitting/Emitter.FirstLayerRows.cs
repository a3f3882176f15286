using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>Writes <c>FirstProducts</c>, layer 1's forward product by halves of its weight rows, before the chunks.</summary>
        private void WriteFirstProducts()
        {
            DenseLayerSpec first = spec.Layers[0];
            int halfRow = plan.Training.FirstLayerSplit!.HalfRow;
            writer.Line("/// <summary>Half <paramref name=\"half\"/> of layer 1's product over the whole batch: the part its half of the weight rows contributes.</summary>");
            using (writer.Open($"private void FirstProducts(int half, {ReadOnlySpan} inputs, int batch)"))
            {
                writer.Line($"int firstRow = half == 0 ? 0 : {halfRow};");
                writer.Line($"int rows = half == 0 ? {halfRow} : InputSize - {halfRow};");
                writer.Line($"Dense.ForwardRows<{T}>(inputs, {Weights(1, first)}, new {Span}(_firstProducts, half * _training.BatchCapacity * {first.OutputSize}, batch * {first.OutputSize}), batch, InputSize, {first.OutputSize}, firstRow, rows{PanelsArgument(1)});");
            }
            writer.Line();
        }

        /// <summary>
        /// Writes layer 1's gradient over the whole batch after its chunks when <see cref="SplitsFirstLayerByRows"/>,
        /// by blocks of weight rows and then its bias, which NetworkTraining schedules (and sums and steps around).
        /// </summary>
        private void WriteFirstLayerGradient()
        {
            DenseLayerSpec first = spec.Layers[0];
            string delta1 = $"new {ReadOnlySpan}(_layer1Delta, 0, batch * {first.OutputSize})";
            writer.Line("/// <summary>The gradient of layer 1's weight rows [firstRow, firstRow + rows) over a whole batch of several chunks.</summary>");
            string inputMajor = $"Dense.BackwardWeightRows<{T}>(inputs, {delta1}, new {Span}(gradients, Layer1Weights + firstRow * {first.OutputSize}, rows * {first.OutputSize}), batch, InputSize, {first.OutputSize}, firstRow, rows);";
            if (!CopiesFirstDeltaToPanels)
            {
                writer.Line($"private void FirstWeightRows({ReadOnlySpan} inputs, int batch, {T}[] gradients, int firstRow, int rows) =>");
                writer.Line("    " + inputMajor);
            }
            else
            {
                using (writer.Open($"private void FirstWeightRows({ReadOnlySpan} inputs, int batch, {T}[] gradients, int firstRow, int rows)"))
                {
                    writer.Line("if (Layer1Panels)");
                    writer.Line($"    Dense.BackwardPanelWeightRows<{T}>(inputs, {FirstDeltaPanels}, _training.BatchCapacity, {GradientWeights(1, first, "gradients")}, batch, InputSize, {first.OutputSize}, firstRow, rows);");
                    writer.Line("else");
                    writer.Line("    " + inputMajor);
                }
            }
            writer.Line();
            writer.Line("/// <summary>The gradient of layer 1's bias over a whole batch of several chunks.</summary>");
            writer.Line($"private void FirstBias(int batch, {T}[] gradients) => Dense.BackwardBias<{T}>({delta1}, {GradientBias(1, first, "gradients")}, batch, {first.OutputSize});");
            writer.Line();
        }
    }
}
