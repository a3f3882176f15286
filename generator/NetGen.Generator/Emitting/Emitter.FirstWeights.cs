using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// Whether a batch of several chunks leaves layer 1's gradients out of its chunks and computes them
        /// afterwards over the whole batch, a block of weight rows at a time (<c>FinishBlock</c>). Layer 1's
        /// weights are usually the largest gradient: summed from chunks, each block of it is read from every
        /// chunk's buffer, on two threads half of them written by the other core; computed by rows, each
        /// block is written once, by the thread that then runs the optimizer on it. Layers small enough to
        /// unroll keep their gradients in the chunks, where their fused kernels compute them.
        /// </summary>
        private bool DefersFirstWeights => !IsUnrolled(spec.Layers[0]);

        /// <summary>Blocks of layer 1's weight rows: about eight, each at least eight rows.</summary>
        private int FirstWeightBlocks => System.Math.Max(1, System.Math.Min(8, spec.InputSize / 8));

        /// <summary>Writes <c>FinishBlock</c>, the work after the chunks of a batch when <see cref="DefersFirstWeights"/>.</summary>
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
                    writer.Line($"{Kernels}.Dense.BackwardWeightRows<{T}>(inputs, delta1, new {Span}(_gradients, start, length), batch, InputSize, {first.OutputSize}, firstRow, endRow - firstRow);");
                }
                using (writer.Open("else"))
                {
                    writer.Line($"{Kernels}.Dense.BackwardBias<{T}>(delta1, {GradientBias(1, first, "_gradients")}, batch, {first.OutputSize});");
                    writer.Line("start = Layer1Bias;");
                    writer.Line("length = ParameterCount - Layer1Bias;");
                    if (LayerCount > 1)
                        writer.Line($"{Kernels}.Reduction.Sum<{T}>(_chunkGradients, _summedChunks, _gradients, Layer2Weights, ParameterCount - Layer2Weights);");
                }
                if (!HasPenalty)
                {
                    writer.Line("if (_stepWithSum)");
                    writer.Line("    Update(start, length);");
                }
            }
            writer.Line();
        }
    }
}
