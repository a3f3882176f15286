using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>Splitting a batch into chunks, computing them on up to DegreeOfParallelism threads, and summing them in order.</summary>
        private void WriteChunks()
        {
            using (writer.Open($"private {T} ComputeChunks({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int batch)"))
            {
                writer.Line("int chunks = (batch + ChunkSize - 1) / ChunkSize;");
                using (writer.Open("if (_chunkGradients.Length < chunks)"))
                {
                    writer.Line("int old = _chunkGradients.Length;");
                    writer.Line("Array.Resize(ref _chunkGradients, chunks);");
                    writer.Line("for (int c = old; c < chunks; c++)");
                    writer.Line($"    _chunkGradients[c] = new {T}[ParameterCount];");
                    writer.Line($"_chunkLosses = new {T}[chunks];");
                }
                if (SplitsFirstLayerByRows)
                {
                    writer.Line("// Half 1 starts at _batchCapacity rows, where a chunk finds it.");
                    writer.Line($"if (_firstProducts.Length != 2 * _batchCapacity * {spec.Layers[0].OutputSize})");
                    writer.Line($"    _firstProducts = new {T}[2 * _batchCapacity * {spec.Layers[0].OutputSize}];");
                }
                using (writer.Open("if (_degreeOfParallelism > 1)"))
                {
                    using (writer.Open("if (_parallelInputs.Length < batch * InputSize)"))
                    {
                        writer.Line($"_parallelInputs = new {T}[_batchCapacity * InputSize];");
                        writer.Line($"_parallelTargets = new {T}[_batchCapacity * OutputSize];");
                    }
                    if (SplitsFirstLayerByRows)
                    {
                        writer.Line("// Helper threads read the batch from copies: the inputs whole, since FirstProducts and");
                        writer.Line("// FinishBlock read every sample's; the targets after the first chunk, which this thread runs");
                        writer.Line("// itself from the caller's spans.");
                        writer.Line($"inputs.CopyTo(new {Span}(_parallelInputs, 0, batch * InputSize));");
                    }
                    else
                    {
                        writer.Line("// Helper threads read the batch from copies; the first chunk, which this thread runs itself");
                        writer.Line("// from the caller's spans, needs none.");
                        writer.Line("inputs.Slice(ChunkSize * InputSize).CopyTo(new Span<" + T + ">(_parallelInputs, ChunkSize * InputSize, (batch - ChunkSize) * InputSize));");
                    }
                    writer.Line("targets.Slice(ChunkSize * OutputSize).CopyTo(new Span<" + T + ">(_parallelTargets, ChunkSize * OutputSize, (batch - ChunkSize) * OutputSize));");
                    writer.Line("_parallelBatch = batch;");
                    if (SplitsFirstLayerByRows)
                    {
                        writer.Line($"_chunkMode = ChunkMode.{ChunkMode.FirstProducts};");
                        writer.Line($"ChunkWorkers.Run(_chunkRunner, 2, _degreeOfParallelism, fixedShares: true);");
                        writer.Line($"_chunkMode = ChunkMode.{ChunkMode.Gradients};");
                    }
                    writer.Line($"bool helped = ChunkWorkers.Begin(_chunkRunner, chunks, _degreeOfParallelism, reserveFirst: true);");
                    using (writer.Open("try"))
                        writer.Line("_chunkLosses[0] = ComputeChunk(inputs, targets, 0, batch);");
                    using (writer.Open("finally"))
                    {
                        writer.Line("if (helped)");
                        writer.Line($"    ChunkWorkers.End();");
                    }
                }
                using (writer.Open("else"))
                {
                    if (SplitsFirstLayerByRows)
                    {
                        writer.Line("FirstProducts(0, inputs, batch);");
                        writer.Line("FirstProducts(1, inputs, batch);");
                    }
                    writer.Line("for (int c = 0; c < chunks; c++)");
                    writer.Line("    _chunkLosses[c] = ComputeChunk(inputs, targets, c, batch);");
                }
                writer.Line("_summedChunks = chunks;");
                writer.Line($"{T} loss = Reduction.Sum<{T}>(_chunkLosses, chunks);");
                if (StepsWithChunkSums)
                {
                    writer.Line("// The optimizer steps below only when the loss is finite, so a bad batch leaves the parameters as they were.");
                    writer.Line("if (_stepWithSum)");
                    writer.Line($"    Checks.FiniteLoss(loss);");
                }
                string sum = $"Reduction.Sum<{T}>(_chunkGradients, chunks, _gradients, 0, ParameterCount);";
                if (SplitsFirstLayerByRows)
                {
                    if (StepsWithChunkSums)
                    {
                        writer.Line("if (_stepWithSum)");
                        writer.Line("    _optimizerStep++;");
                    }
                    WriteByParameterBlocks(ChunkMode.Finish, "for (int block = 0; block <= FirstWeightBlocks; block++) FinishBlock(block, inputs, batch);", "FirstWeightBlocks + 1");
                }
                else if (!StepsWithChunkSums)
                    WriteByParameterBlocks(ChunkMode.Sum, sum);
                else
                {
                    using (writer.Open("if (_stepWithSum)"))
                    {
                        writer.Line("_optimizerStep++;");
                        WriteByParameterBlocks(ChunkMode.SumAndUpdate, "for (int block = 0; block < ParameterBlocks; block++) SumAndUpdate(block);");
                    }
                    using (writer.Open("else"))
                        WriteByParameterBlocks(ChunkMode.Sum, sum);
                }
                writer.Line("return loss;");
            }
            writer.Line();
            using (writer.Open($"private {T} ComputeChunk({ReadOnlySpan} inputs, {ReadOnlySpan} targets, int chunk, int batch)"))
            {
                writer.Line("int first = chunk * ChunkSize;");
                writer.Line("int count = Math.Min(ChunkSize, batch - first);");
                writer.Line("return ComputeChunk(inputs.Slice(first * InputSize, count * InputSize), targets.Slice(first * OutputSize, count * OutputSize)" + NoLabels + ", first, count, batch, _chunkGradients[chunk]);");
            }
            writer.Line();
            if (SplitsFirstLayerByRows)
            {
                WriteFirstProducts();
                WriteFinishBlock();
            }
            else if (StepsWithChunkSums)
            {
                writer.Line("/// <summary>One block of parameters: its chunk gradients summed, then its optimizer step.</summary>");
                using (writer.Open("private void SumAndUpdate(int block)"))
                {
                    WriteParameterBlock("block");
                    writer.Line($"Reduction.Sum<{T}>(_chunkGradients, _summedChunks, _gradients, start, length);");
                    writer.Line("Update(start, length);");
                }
                writer.Line();
            }
            writer.Line("/// <summary>What RunChunk does with its chunk number.</summary>");
            writer.Line($"private enum ChunkMode {{ {string.Join(", ", System.Enum.GetNames(typeof(ChunkMode)))} }}");
            writer.Line();
            writer.Line("/// <summary>One piece of parallel work: a batch chunk, or a block of parameters to update or to sum.</summary>");
            using (writer.Open("private void RunChunk(int chunk)"))
            {
                WriteParameterBlock("chunk");
                using (writer.Open("switch (_chunkMode)"))
                {
                    if (SplitsFirstLayerByRows)
                    {
                        writer.Line($"case ChunkMode.{ChunkMode.FirstProducts}:");
                        writer.Line($"    FirstProducts(chunk, new {ReadOnlySpan}(_parallelInputs, 0, _parallelBatch * InputSize), _parallelBatch);");
                        writer.Line("    break;");
                        writer.Line($"case ChunkMode.{ChunkMode.Finish}:");
                        writer.Line($"    FinishBlock(chunk, new {ReadOnlySpan}(_parallelInputs, 0, _parallelBatch * InputSize), _parallelBatch);");
                        writer.Line("    break;");
                    }
                    else if (StepsWithChunkSums)
                    {
                        writer.Line($"case ChunkMode.{ChunkMode.SumAndUpdate}:");
                        writer.Line("    SumAndUpdate(chunk);");
                        writer.Line("    break;");
                    }
                    writer.Line($"case ChunkMode.{ChunkMode.Gradients}:");
                    writer.Line($"    _chunkLosses[chunk] = ComputeChunk(new {ReadOnlySpan}(_parallelInputs, 0, _parallelBatch * InputSize), new {ReadOnlySpan}(_parallelTargets, 0, _parallelBatch * OutputSize), chunk, _parallelBatch);");
                    writer.Line("    break;");
                    writer.Line($"case ChunkMode.{ChunkMode.Update}:");
                    writer.Line("    Update(start, length);");
                    writer.Line("    break;");
                    if (!SplitsFirstLayerByRows)
                    {
                        writer.Line("default:");
                        writer.Line($"    Reduction.Sum<{T}>(_chunkGradients, _summedChunks, _gradients, start, length);");
                        writer.Line("    break;");
                    }
                }
            }
            writer.Line();
            WriteChunkRunner();
        }

        /// <summary>
        /// The <c>IChunkWork</c> that ChunkWorkers runs: a private object made once per instance, so that the
        /// runtime's plumbing stays off the user's class, whose only interface is INetwork, and no call allocates.
        /// </summary>
        private void WriteChunkRunner()
        {
            writer.Line("/// <summary>Runs this network's chunks of parallel work for ChunkWorkers.</summary>");
            using (writer.Open($"private sealed class ChunkRunner : IChunkWork"))
            {
                writer.Line($"private readonly {spec.Type.Name} _network;");
                writer.Line();
                writer.Line($"public ChunkRunner({spec.Type.Name} network) => _network = network;");
                writer.Line();
                writer.Line($"void IChunkWork.RunChunk(int chunk) => _network.RunChunk(chunk);");
            }
            writer.Line();
        }

        /// <summary>Declares <c>start</c> and <c>length</c>: the parameters of block <paramref name="block"/> of ParameterBlocks.</summary>
        private void WriteParameterBlock(string block)
        {
            writer.Line($"int start = (int)((long)ParameterCount * {block} / ParameterBlocks);");
            writer.Line($"int length = (int)((long)ParameterCount * ({block} + 1) / ParameterBlocks) - start;");
        }

        /// <summary>
        /// Runs <paramref name="serial"/> on one thread, or, with threads to spare and enough parameters to
        /// pay for them, the same work split into fixed parameter blocks on up to DegreeOfParallelism threads.
        /// </summary>
        private void WriteByParameterBlocks(ChunkMode mode, string serial, string blocks = "ParameterBlocks")
        {
            using (writer.Open("if (_degreeOfParallelism > 1 && ParameterCount >= ParallelParameterCount)"))
            {
                writer.Line($"_chunkMode = ChunkMode.{mode};");
                writer.Line($"ChunkWorkers.Run(_chunkRunner, {blocks}, _degreeOfParallelism{(mode == ChunkMode.Finish ? ", fixedShares: true" : "")});");
                writer.Line($"_chunkMode = ChunkMode.{ChunkMode.Gradients};");
            }
            writer.Line("else");
            writer.Line("    " + serial);
        }
    }
}
