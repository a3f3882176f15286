using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// <c>z = b + Σᵢ xᵢ·w[i, ·]</c> for each sample, the output row in Vector128s: each lane the same
        /// operations, in the same order, as <see cref="WriteUnrolledForward"/>'s scalar statements. Weight
        /// rows and the bias are read as whole vectors, which may run past them into later parameters or
        /// the parameters' padding; only a row's own lanes are stored.
        /// </summary>
        private void WriteUnrolledVectorForward(int l, DenseLayerSpec layer, int chunks, string source, string destination)
        {
            int lanes = plan.Vector128Lanes;
            string vector = "Vector128";
            using (writer.Open(""))
            {
                writer.Line($"ref {T} w = ref {ParameterOrigin};");
                writer.Line($"ref {T} x = ref MemoryMarshal.GetReference({source});");
                writer.Line($"ref {T} z = ref MemoryMarshal.GetReference({destination});");
                using (writer.Open("for (int s = 0; s < batch; s++)"))
                {
                    for (int i = 0; i < layer.InputSize; i++)
                        writer.Line($"var x{i} = {vector}.Create({At("x", i.ToString())});");
                    for (int c = 0; c < chunks; c++)
                    {
                        string sum = $"{vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Bias", c * lanes)})" + string.Concat(Enumerable.Range(0, layer.InputSize)
                            .Select(i => $" + x{i} * {vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Weights", i * layer.OutputSize + c * lanes)})"));
                        writer.Line($"var z{c} = {sum};");
                        if ((c + 1) * lanes <= layer.OutputSize)
                        {
                            writer.Line($"{vector}.StoreUnsafe(z{c}, ref z, {c * lanes});");
                            continue;
                        }
                        // The last vector's lanes past the row belong to the next sample (or to another chunk's thread).
                        // GetElement, which the JIT always expands in place, where the indexer, once a caller has
                        // spent its inlining budget, is a call per lane; called as a static method, since compilers
                        // before C# 14 do not find .NET 10's GetElement as an extension.
                        for (int k = 0; c * lanes + k < layer.OutputSize; k++)
                            writer.Line($"{At("z", (c * lanes + k).ToString())} = {vector}.GetElement(z{c}, {k});");
                    }
                    writer.Line($"x = ref Unsafe.Add(ref x, {layer.InputSize});");
                    writer.Line($"z = ref Unsafe.Add(ref z, {layer.OutputSize});");
                }
            }
        }
    }
}
