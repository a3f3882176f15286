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
            writer.Line(SplitsFirstLayerByColumns
                ? "/// <summary>Half <paramref name=\"half\"/> of layer 1's product over the whole batch: where it holds panels, half of its outputs and their part of layer 2's product; else the part its half of the weight rows contributes.</summary>"
                : "/// <summary>Half <paramref name=\"half\"/> of layer 1's product over the whole batch: the part its half of the weight rows contributes.</summary>");
            using (writer.Open($"private void FirstProducts(int half, {ReadOnlySpan} inputs, int batch)"))
            {
                if (SplitsFirstLayerByColumns)
                {
                    DenseLayerSpec second = spec.Layers[1];
                    using (writer.Open("if (Layer1Panels)"))
                    {
                        writer.Line($"// Half of layer 1's outputs, a layer of {HalfColumns} of its own, then their part of layer 2's product.");
                        writer.Line($"var layer1 = {FirstHalfRows("_layer1Output")};");
                        writer.Line($"Dense.Forward<{T}>(inputs, {FirstHalfWeights(ReadOnlySpan)}, "
                            + $"{ParameterRange(ReadOnlySpan, $"Layer1Bias + half * {HalfColumns}", HalfColumns)}, layer1, batch, InputSize, {HalfColumns}, panels: true);");
                        WriteActivation(first, "layer1", HalfColumns.ToString());
                        writer.Line($"Dense.ForwardRows<{T}>(layer1, {SecondHalfWeights(ReadOnlySpan)}, "
                            + $"new {Span}(_firstProducts, half * _training.BatchCapacity * {second.OutputSize}, batch * {second.OutputSize}), batch, {HalfColumns}, {second.OutputSize}, 0, {HalfColumns});");
                        writer.Line("return;");
                    }
                }
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
            string inputMajor = $"Dense.BackwardWeightRows<{T}>(inputs, {delta1}, {GradientRange($"Layer1Weights + firstRow * {first.OutputSize}", $"rows * {first.OutputSize}")}, batch, InputSize, {first.OutputSize}, firstRow, rows);";
            if (!CopiesFirstDeltaToPanels)
            {
                writer.Line($"private void FirstWeightRows({ReadOnlySpan} inputs, int batch, {Span} gradients, int firstRow, int rows) =>");
                writer.Line("    " + inputMajor);
            }
            else
            {
                using (writer.Open($"private void FirstWeightRows({ReadOnlySpan} inputs, int batch, {Span} gradients, int firstRow, int rows)"))
                {
                    writer.Line("if (Layer1Panels)");
                    writer.Line($"    Dense.BackwardPanelWeightRows<{T}>(inputs, {FirstDeltaPanels}, _training.BatchCapacity, {GradientWeights(1, first)}, batch, InputSize, {first.OutputSize}, firstRow, rows);");
                    writer.Line("else");
                    writer.Line("    " + inputMajor);
                }
            }
            writer.Line();
            writer.Line("/// <summary>The gradient of layer 1's bias over a whole batch of several chunks.</summary>");
            writer.Line($"private void FirstBias(int batch, {Span} gradients) => Dense.BackwardBias<{T}>({delta1}, {GradientBias(1, first)}, batch, {first.OutputSize});");
            writer.Line();
        }

        /// <summary>
        /// Writes the gradients of layer 1 split by halves of its panels after the chunks, which NetworkTraining schedules (and
        /// steps around): each half's outputs and bias with layer 2's weight rows that read it, each half's blocks of weight
        /// rows, and layer 2's bias.
        /// </summary>
        private void WriteFirstHalfGradients()
        {
            DenseLayerSpec first = spec.Layers[0], second = spec.Layers[1];
            string delta2 = $"new {ReadOnlySpan}(_layer2Delta, 0, batch * {second.OutputSize})";
            writer.Line("/// <summary>The gradient at half <paramref name=\"half\"/> of layer 1's outputs over a whole batch of several chunks, with those of its bias and of layer 2's weight rows that read it.</summary>");
            using (writer.Open($"private void FirstHalfGradients(int half, int batch, {Span} gradients)"))
            {
                writer.Line($"var layer1 = {FirstHalfRows("_layer1Output", readOnly: true)};");
                writer.Line($"var delta1 = {FirstHalfRows("_layer1Delta")};");
                writer.Line($"var delta2 = {delta2};");
                writer.Line($"var transposed = new {Span}(_layer2HalvesTransposed, half * {HalfColumns * second.OutputSize}, {HalfColumns * second.OutputSize});");
                writer.Line($"var weights2 = {SecondHalfWeights(ReadOnlySpan)};");
                writer.Line($"var deltaPanels = {FirstHalfDeltaPanels(Span)};");
                writer.Line("// The gradients of layer 2's weight rows that read this half, of the half's bias, and at the half, copied panel by");
                writer.Line("// panel for its weight rows' gradient.");
                writer.Line($"Dense.BackwardFromNarrowLayer<{T}>(delta2, weights2, layer1, {SecondHalfWeightGradient},");
                writer.Line($"    {GradientRange($"Layer1Bias + half * {HalfColumns}", HalfColumns)}, deltaPanels, _training.BatchCapacity, transposed, delta1,");
                writer.Line($"    batch, {HalfColumns}, {second.OutputSize}, {ActivationOf(first)});");
            }
            writer.Line();
            writer.Line("/// <summary>The gradient of weight rows [firstRow, firstRow + rows) of half <paramref name=\"half\"/>'s panels of layer 1 over a whole batch of several chunks.</summary>");
            writer.Line($"private void FirstHalfWeightRows(int half, {ReadOnlySpan} inputs, int batch, {Span} gradients, int firstRow, int rows) =>");
            writer.Line($"    Dense.BackwardPanelWeightRows<{T}>(inputs, {FirstHalfDeltaPanels(ReadOnlySpan)}, _training.BatchCapacity, {FirstHalfWeightGradient}, batch, InputSize, {HalfColumns}, firstRow, rows);");
            writer.Line();
            writer.Line("/// <summary>The gradient of layer 2's bias over a whole batch of several chunks.</summary>");
            writer.Line($"private void SecondBias(int batch, {Span} gradients) => Dense.BackwardBias<{T}>({delta2}, {GradientBias(2, second)}, batch, {second.OutputSize});");
            writer.Line();
        }

        /// <summary>Rows [0, batch) of half <c>half</c> of layer 1's outputs split by halves of its panels, which <paramref name="array"/> holds half after half.</summary>
        private string FirstHalfRows(string array, bool readOnly = false) =>
            $"new {(readOnly ? ReadOnlySpan : Span)}({array}, half * _training.BatchCapacity * {HalfColumns}, batch * {HalfColumns})";

        /// <summary>Half <c>half</c>'s panels of layer 1's weights, in the parameters.</summary>
        private string FirstHalfWeights(string span) => ParameterRange(span, FirstHalfWeightsRange.Start, FirstHalfWeightsRange.Count);

        /// <summary>Half <c>half</c>'s panels of layer 1's weights, in the gradient.</summary>
        private string FirstHalfWeightGradient => GradientRange(FirstHalfWeightsRange.Start, FirstHalfWeightsRange.Count);

        /// <summary>Where half <c>half</c>'s panels of layer 1's weights start, as an expression, and how many values they hold.</summary>
        private (string Start, int Count) FirstHalfWeightsRange
        {
            get
            {
                int count = spec.Layers[0].InputSize * HalfColumns;
                return ($"Layer1Weights + half * {count}", count);
            }
        }

        /// <summary>Half <c>half</c> of layer 1's gradient at its outputs copied panel by panel, which <c>_layer1DeltaPanels</c> holds half after half.</summary>
        private string FirstHalfDeltaPanels(string span) =>
            $"new {span}(_layer1DeltaPanels, _layer1DeltaPanelsOrigin + half * _training.BatchCapacity * {HalfColumns}, _training.BatchCapacity * {HalfColumns})";

        /// <summary>Layer 2's weight rows that read half <c>half</c> of layer 1's outputs, in the parameters.</summary>
        private string SecondHalfWeights(string span) => ParameterRange(span, SecondHalfWeightsRange.Start, SecondHalfWeightsRange.Count);

        /// <summary>Layer 2's weight rows that read half <c>half</c> of layer 1's outputs, in the gradient.</summary>
        private string SecondHalfWeightGradient => GradientRange(SecondHalfWeightsRange.Start, SecondHalfWeightsRange.Count);

        /// <summary>Where layer 2's weight rows that read half <c>half</c> start, as an expression, and how many values they hold.</summary>
        private (string Start, int Count) SecondHalfWeightsRange
        {
            get
            {
                int count = HalfColumns * spec.Layers[1].OutputSize;
                return ($"Layer2Weights + half * {count}", count);
            }
        }
    }
}
