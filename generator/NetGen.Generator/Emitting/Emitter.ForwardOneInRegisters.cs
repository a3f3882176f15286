using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The one sample's forward pass: in registers at the widest accelerated width written out,
        /// else through the kernel of each layer (which also holds the path without SIMD, and that of a
        /// width the plan leaves out).
        /// </summary>
        private void WriteForwardOneDispatch(RegisterPathPlan registerPath)
        {
            writer.Line("/// <summary>One sample, at the widest accelerated vector width written out for this network.</summary>");
            using (writer.Open($"private void ForwardOne({ReadOnlySpan} input, {Span} output)"))
            {
                foreach (int bits in registerPath.Widths.Select(width => width.Bits).Concat(registerPath.KernelWidths).OrderByDescending(bits => bits))
                {
                    using (writer.Open($"if (Vector{bits}.IsHardwareAccelerated)"))
                    {
                        writer.Line(registerPath.KernelWidths.Contains(bits) ? "ForwardOneByLayers(input, output, Inference);" : $"ForwardOneIn{bits}(input, output);");
                        writer.Line("return;");
                    }
                }
                writer.Line("ForwardOneByLayers(input, output, Inference);");
            }
            writer.Line();
            writer.Line("/// <summary>One sample's layer rows, with room to start them on a cache line, as a value in the caller's frame.</summary>");
            writer.Line($"[InlineArray({registerPath.StackRowsLength})]");
            using (writer.Open("private struct StackRows"))
                writer.Line($"private {T} _first;");
            writer.Line();
            foreach (RegisterWidthPlan width in registerPath.Widths)
                WriteForwardOneInRegisters(width);
        }

        /// <summary>
        /// One sample in vectors of one width, every layer written out: each output vector an
        /// accumulator in a register, split into partial sums whose multiply-add chains overlap, each
        /// weight row and bias read at a constant offset, the activation applied in the register. A
        /// small layer's kernel call, loops and size checks cost as much as its arithmetic; this path has none
        /// of them.
        /// </summary>
        private void WriteForwardOneInRegisters(RegisterWidthPlan width)
        {
            int bits = width.Bits;
            writer.Line($"/// <summary>One sample in Vector{bits}s, each layer's outputs in registers; lanes past a row are never read back.</summary>");
            using (writer.Open($"private void ForwardOneIn{bits}({ReadOnlySpan} input, {Span} output)"))
            {
                writer.Line($"ref {T} w = ref {ParameterOrigin};");
                writer.Line($"ref {T} x = ref MemoryMarshal.GetReference(input);");
                writer.Line("// The layers' rows in this call's frame, from a cache line: no other thread sees them, and");
                writer.Line("// reaching them costs no lookup of the thread's scratch, which is a call.");
                writer.Line("StackRows rows = default;");
                writer.Line($"ref {T} h = ref Alignment.CacheLine(ref Unsafe.As<StackRows, {T}>(ref rows));");
                for (int l = 1; l <= width.Layers.Count; l++)
                {
                    RegisterLayerPlan form = width.Layers[l - 1];
                    if (form.Form == RegisterLayerForm.DotWithPrevious)
                        WriteRegisterDot(l, spec.Layers[l - 1], form);
                    else
                        WriteRegisterLayer(l, spec.Layers[l - 1], form);
                }
            }
            writer.Line();
        }

        /// <summary>
        /// A final layer of one output as a dot product of the previous layer's registers with the weight
        /// column (contiguous when there is one output), instead of broadcasting each input back from memory.
        /// </summary>
        private void WriteRegisterDot(int l, DenseLayerSpec layer, RegisterLayerPlan form)
        {
            int lanes = form.Lanes, vectors = form.Vectors;
            string vector = VectorType(form.Bits);
            writer.Line($"// Layer {l}: {layer.InputSize} -> 1, {layer.Activation}: a dot product of layer {l - 1}'s {vectors} vectors.");
            writer.Line($"var dot = layer{l - 1}v0 * {vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Weights", 0)});");
            for (int v = 1; v < vectors; v++)
                writer.Line($"dot = {vector}.MultiplyAddEstimate(layer{l - 1}v{v}, {vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Weights", v * lanes)}), dot);");
            writer.Line($"output[0] = Activations.Apply({vector}.Sum(dot) + {At("w", $"Layer{l}Bias")}, {ActivationOf(layer)});");
        }

        /// <summary>
        /// One layer in registers: <c>layer{l}v{k}</c> holds outputs [k·lanes, (k + 1)·lanes), stored
        /// to its padded row at <c>h</c> when a later statement reads it from there.
        /// </summary>
        private void WriteRegisterLayer(int l, DenseLayerSpec layer, RegisterLayerPlan form)
        {
            int lanes = form.Lanes, vectors = form.Vectors, partials = form.PartialSums;
            string vector = VectorType(form.Bits);
            int row = LayerPlan(l).SampleRow;
            bool loop = form.Form == RegisterLayerForm.BroadcastInputsLoop;
            writer.Line($"// Layer {l}: {layer.InputSize} -> {layer.OutputSize}, {layer.Activation}: {vectors} vector{(vectors == 1 ? "" : "s")} in {partials} partial sum{(partials == 1 ? "" : "s")} each"
                + (loop ? ", the inputs in a loop." : "."));
            for (int p = 0; p < partials; p++)
                for (int v = 0; v < vectors; v++)
                    writer.Line($"var l{l}p{p}v{v} = " + (p == 0 ? $"{vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Bias", v * lanes)});" : $"{vector}<{T}>.Zero;"));
            int looped = loop ? layer.InputSize - layer.InputSize % partials : 0;
            if (loop)
            {
                using (writer.Open($"for (nuint i = 0; i < {looped}; i += {partials})"))
                    for (int p = 0; p < partials; p++)
                        WriteBroadcastInput(l, layer, form, p, p, inLoop: true);
            }
            for (int i = looped; i < layer.InputSize; i++)
                WriteBroadcastInput(l, layer, form, i, i % partials, inLoop: false);
            bool softmax = layer.Activation == ActivationKind.Softmax;
            bool fromRegister = form.OutputsFromRegister, stored = form.StoresRow;
            // A row that only goes to memory is stored as it is computed; one that a later statement reads
            // from the register (a dot product, the outputs, a one-vector softmax) is named first.
            bool named = !stored || fromRegister || (softmax && vectors == 1);
            for (int v = 0; v < vectors; v++)
            {
                string sum = PartialSum(l, v, partials);
                string value = softmax ? sum : $"Activations.Apply({sum}, {ActivationOf(layer)})";
                if (named)
                    writer.Line($"var layer{l}v{v} = {value};");
                if (stored)
                    writer.Line($"{vector}.StoreUnsafe({(named ? $"layer{l}v{v}" : value)}, ref h, {row + v * lanes});");
            }
            if (softmax && vectors == 1)
            {
                writer.Line($"layer{l}v0 = Activations.SoftmaxOne(layer{l}v0, {RowSpan(readOnly: true, row, layer.OutputSize)});");
                if (!fromRegister)
                    writer.Line($"{vector}.StoreUnsafe(layer{l}v0, ref h, {row});");
            }
            else if (softmax)
                writer.Line($"Activations.Softmax<{T}>({RowSpan(readOnly: false, row, layer.OutputSize)}, 1, {layer.OutputSize});");
            // GetElement rather than the indexer, as in WriteUnrolledVectorForward.
            if (fromRegister)
                for (int o = 0; o < OutputSize; o++)
                    writer.Line($"output[{o}] = {vector}.GetElement(layer{l}v0, {o});");
            else if (l == LayerCount)
                WriteOutputCopy(row, inRegisters: true);
        }

        /// <summary>
        /// Input <paramref name="input"/> (counted from <c>i</c> <paramref name="inLoop"/>) broadcast and multiplied into partial sum <paramref name="partial"/> of each output vector.
        /// MultiplyAddEstimate, as in the kernels: fused where the hardware has FMA, and a multiply and an
        /// add where it has not, instead of a fused one emulated in software.
        /// </summary>
        private void WriteBroadcastInput(int l, DenseLayerSpec layer, RegisterLayerPlan form, int input, int partial, bool inLoop)
        {
            string vector = VectorType(form.Bits);
            // Layer 1 reads the input; later layers read the previous layer's row at h.
            int offset = l == 1 ? input : LayerPlan(l - 1).SampleRow + input;
            string value = At(l == 1 ? "x" : "h", !inLoop ? offset.ToString() : offset == 0 ? "i" : $"{offset} + i");
            string weightRow = inLoop ? $" + i * {layer.OutputSize}" : "";
            // A single vector's statement takes the broadcast as its argument; several vectors share it
            // through a local, and so does a loop's, whose offsets would make the line too long to read.
            string broadcast = $"{vector}.Create({value})";
            if (form.Vectors > 1 || inLoop)
            {
                writer.Line($"var l{l}x{input} = {broadcast};");
                broadcast = $"l{l}x{input}";
            }
            for (int v = 0; v < form.Vectors; v++)
            {
                string weights = $"{vector}.LoadUnsafe(ref w, {Offset($"Layer{l}Weights", input * layer.OutputSize + v * form.Lanes)}{weightRow})";
                string sum = $"l{l}p{partial}v{v}";
                writer.Line($"{sum} = {vector}.MultiplyAddEstimate({broadcast}, {weights}, {sum});");
            }
        }

        /// <summary>A span over <paramref name="length"/> values of the rows at <c>h</c> from <paramref name="row"/>.</summary>
        private string RowSpan(bool readOnly, int row, int length) =>
            $"MemoryMarshal.Create{(readOnly ? "ReadOnly" : "")}Span(ref Unsafe.Add(ref h, {row}), {length})";

        private static string VectorType(int bits) => $"Vector{bits}";

        /// <summary>The partial sums of one output vector added pairwise.</summary>
        private static string PartialSum(int l, int v, int partials) => partials switch
        {
            1 => $"l{l}p0v{v}",
            2 => $"l{l}p0v{v} + l{l}p1v{v}",
            3 => $"(l{l}p0v{v} + l{l}p1v{v}) + l{l}p2v{v}",
            _ => $"(l{l}p0v{v} + l{l}p1v{v}) + (l{l}p2v{v} + l{l}p3v{v})",
        };
    }
}
