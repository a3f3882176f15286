using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// Per sample, with h layer 1's output row and d layer 2's pre-activation gradient:
        /// <c>dw₂[i, o] += hᵢ·dₒ</c>, <c>db₂[o] += dₒ</c>, <c>e = f′(h)·(w₂·d)</c> and
        /// <c>dw₁[i, ·] += xᵢ·e</c>, <c>db₁ += e</c>, each lane the same operations, in the same order,
        /// as the scalar statements and the activation kernel they replace.
        /// </summary>
        private void WriteFirstPairBackward()
        {
            DenseLayerSpec first = spec.Layers[0], second = spec.Layers[1];
            FirstPairPlan pair = plan.Training.FirstPair!;
            int hidden = first.OutputSize, lanes = pair.Lanes, chunks = pair.Vectors;
            string vector = $"Vector128<{T}>";
            string create = "Vector128.Create";
            writer.Line($"// Layers 2 and 1: {second.InputSize} -> {second.OutputSize} and {first.InputSize} -> {first.OutputSize}, one pass, layer 1's row in {chunks} Vector128{(chunks == 1 ? "" : "s")}.");
            using (writer.Open(""))
            {
                writer.Line($"ref {T} w = ref {ParameterOrigin};");
                writer.Line($"ref {T} x = ref MemoryMarshal.GetReference(input);");
                writer.Line($"ref {T} h = ref MemoryMarshal.GetReference(layer1);");
                writer.Line($"ref {T} dz = ref MemoryMarshal.GetReference(delta2);");
                // Layer 2's weights as columns along layer 1's row (a column's values are its outputs apart), zero past its end.
                for (int o = 0; o < second.OutputSize; o++)
                    for (int c = 0; c < chunks; c++)
                        writer.Line($"var w{o}_{c} = Strided.Gather(ref w, {Column(c, o)});");
                for (int o = 0; o < second.OutputSize; o++)
                {
                    for (int c = 0; c < chunks; c++)
                        writer.Line($"var g{o}_{c} = {vector}.Zero;");
                    writer.Line($"{T} b{o} = {Literal(0)};");
                }
                for (int i = 0; i < first.InputSize; i++)
                    for (int c = 0; c < chunks; c++)
                        writer.Line($"var a{i}_{c} = {vector}.Zero;");
                for (int c = 0; c < chunks; c++)
                    writer.Line($"var c{c} = {vector}.Zero;");
                using (writer.Open("for (int s = 0; s < batch; s++)"))
                {
                    WriteLoads("d", "dz", second.OutputSize);
                    for (int o = 0; o < second.OutputSize; o++)
                    {
                        writer.Line($"b{o} += d{o};");
                        writer.Line($"var vd{o} = {create}(d{o});");
                    }
                    for (int i = 0; i < first.InputSize; i++)
                        writer.Line($"var vx{i} = {create}({At("x", i.ToString())});");
                    for (int c = 0; c < chunks; c++)
                    {
                        writer.Line($"var h{c} = Vector128.LoadUnsafe(ref h, {c * lanes});");
                        for (int o = 0; o < second.OutputSize; o++)
                            writer.Line($"g{o}_{c} += h{c} * vd{o};");
                        string product = string.Join(" + ", Enumerable.Range(0, second.OutputSize).Select(o => $"w{o}_{c} * vd{o}"));
                        string derivative = first.Activation == ActivationKind.Identity
                            ? product
                            : $"Activations.Backward(h{c}, {product}, {ActivationOf(first)})";
                        writer.Line($"var e{c} = {derivative};");
                        for (int i = 0; i < first.InputSize; i++)
                            writer.Line($"a{i}_{c} += vx{i} * e{c};");
                        writer.Line($"c{c} += e{c};");
                    }
                    writer.Line($"x = ref Unsafe.Add(ref x, {first.InputSize});");
                    writer.Line($"h = ref Unsafe.Add(ref h, {hidden});");
                    writer.Line($"dz = ref Unsafe.Add(ref dz, {second.OutputSize});");
                }
                writer.Line($"ref {T} g = ref MemoryMarshal.GetReference(gradients);");
                for (int o = 0; o < second.OutputSize; o++)
                    for (int c = 0; c < chunks; c++)
                        writer.Line($"Strided.Scatter(g{o}_{c}, ref g, {Column(c, o)});");
                for (int o = 0; o < second.OutputSize; o++)
                    writer.Line($"{At("g", Offset("Layer2Bias", o))} = b{o};");
                for (int i = 0; i < first.InputSize; i++)
                    WriteRowStore($"a{i}_", "Layer1Weights", i * hidden, hidden, lanes, chunks);
                WriteRowStore("c", "Layer1Bias", 0, hidden, lanes, chunks);
            }

            // Vector c of layer 2's weight column o along layer 1's row: where it starts, its stride and its lanes.
            string Column(int c, int o) =>
                $"{Offset("Layer2Weights", c * lanes * second.OutputSize + o)}, {second.OutputSize}, {System.Math.Min(lanes, hidden - c * lanes)}";
        }

        /// <summary>Writes a row of <paramref name="length"/> values held in vectors name0, name1, …: whole vectors stored, the last one's lanes.</summary>
        private void WriteRowStore(string name, string layout, int offset, int length, int lanes, int chunks)
        {
            for (int c = 0; c < chunks; c++)
            {
                string start = Offset(layout, offset + c * lanes);
                writer.Line((c + 1) * lanes <= length
                    ? $"Vector128.StoreUnsafe({name}{c}, ref g, {start});"
                    : $"Strided.Scatter({name}{c}, ref g, {start}, 1, {length - c * lanes});");
            }
        }
    }
}
