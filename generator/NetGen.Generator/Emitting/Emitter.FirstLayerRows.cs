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
                writer.Line($"Dense.ForwardRows<{T}>(inputs, {Weights(1, first)}, new {Span}(_firstProducts, half * _batchCapacity * {first.OutputSize}, batch * {first.OutputSize}), batch, InputSize, {first.OutputSize}, firstRow, rows);");
            }
            writer.Line();
        }

        /// <summary>Writes <c>FinishBlock</c>, the work after the chunks of a batch when <see cref="SplitsFirstLayerByRows"/>.</summary>
        private void WriteFinishBlock()
        {
            DenseLayerSpec first = spec.Layers[0];
            writer.Line("/// <summary>");
            writer.Line("/// Block <paramref name=\"block\"/> of the gradient of a batch of several chunks: a block of layer 1's weight");
            writer.Line("/// rows, computed over the whole batch, or (the last block) layer 1's bias and every later parameter,");
            writer.Line("/// summed over the chunks in order; then, within TrainStep, the optimizer step on those parameters.");
            writer.Line("/// The blocks are fixed, so the result is the same on any number of threads.");
            writer.Line("/// </summary>");
            using (writer.Open($"private void FinishBlock(int block, {ReadOnlySpan} inputs, int batch)"))
            {
                writer.Line($"var delta1 = new {ReadOnlySpan}(_layer1Delta, 0, batch * {first.OutputSize});");
                writer.Line("int start, length;");
                using (writer.Open("if (block < FirstWeightBlocks)"))
                {
                    writer.Line("// Blocks start on a multiple of eight rows, the height of the product kernel's row blocks.");
                    writer.Line("int firstRow = block * InputSize / FirstWeightBlocks / 8 * 8;");
                    writer.Line("int endRow = block == FirstWeightBlocks - 1 ? InputSize : (block + 1) * InputSize / FirstWeightBlocks / 8 * 8;");
                    writer.Line($"start = Layer1Weights + firstRow * {first.OutputSize};");
                    writer.Line($"length = (endRow - firstRow) * {first.OutputSize};");
                    writer.Line($"Dense.BackwardWeightRows<{T}>(inputs, delta1, new {Span}(_gradients, start, length), batch, InputSize, {first.OutputSize}, firstRow, endRow - firstRow);");
                }
                using (writer.Open("else"))
                {
                    writer.Line($"Dense.BackwardBias<{T}>(delta1, {GradientBias(1, first, "_gradients")}, batch, {first.OutputSize});");
                    writer.Line("start = Layer1Bias;");
                    writer.Line("length = ParameterCount - Layer1Bias;");
                    if (LayerCount > 1)
                        writer.Line($"Reduction.Sum<{T}>(_chunkGradients, _summedChunks, _gradients, Layer2Weights, ParameterCount - Layer2Weights);");
                }
                if (StepsWithChunkSums)
                {
                    writer.Line("if (_stepWithSum)");
                    writer.Line("    Update(start, length);");
                }
            }
            writer.Line();
        }
    }
}
