using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>Inputs and outputs a layer may have for the one-sample path to be written out in registers.</summary>
        private const int RegisterLayerLimit = 64;

        /// <summary>Output vectors a layer may take at one width for that width's path to be written out.</summary>
        private const int RegisterVectorLimit = 8;

        /// <summary>
        /// Small networks, every layer at most <see cref="RegisterLayerLimit"/> wide, get the one-sample
        /// path written out statement by statement for each width; the rest call a kernel per layer.
        /// </summary>
        private bool HasRegisterPath => spec.Layers.All(l => l.InputSize <= RegisterLayerLimit && l.OutputSize <= RegisterLayerLimit);

        /// <summary>
        /// The widths, widest first, whose path is written out: those at which no layer takes more than
        /// <see cref="RegisterVectorLimit"/> vectors, each named by the widest vector it uses, so that
        /// a network whose layers all run narrower than a width does not get that width's path again.
        /// </summary>
        private IEnumerable<int> RegisterWidths =>
            new[] { 512, 256, 128 }
                .Where(bits => spec.Layers.All(l => Vectors(l, Lanes(LayerBits(l, bits))) <= RegisterVectorLimit))
                .Select(bits => spec.Layers.Max(l => LayerBits(l, bits)))
                .Distinct();

        /// <summary>
        /// The width a layer runs at on the path of <paramref name="bits"/>: the widest up to it that the
        /// layer fills beyond half, as <c>Dense.ForwardOne</c> picks, since a narrow layer in a wide
        /// vector pays for the lanes it does not use (a softmax sums them, a reduction spans them).
        /// </summary>
        private int LayerBits(DenseLayerSpec layer, int bits) =>
            System.Math.Min(bits, layer.OutputSize > Lanes(256) ? 512 : layer.OutputSize > Lanes(128) ? 256 : 128);

        private int Lanes(int bits) => bits / (T == "double" ? 64 : 32);

        private static int Vectors(DenseLayerSpec layer, int lanes) => (layer.OutputSize + lanes - 1) / lanes;

        /// <summary>
        /// The one sample's forward pass: in registers at the widest accelerated width written out,
        /// else through the kernel of each layer (which also holds the path without SIMD).
        /// </summary>
        private void WriteForwardOneDispatch()
        {
            writer.Line("/// <summary>One sample, at the widest accelerated vector width written out for this network.</summary>");
            using (writer.Open($"private void ForwardOne({ReadOnlySpan} input, {Span} output)"))
            {
                foreach (int bits in RegisterWidths)
                {
                    using (writer.Open($"if (global::System.Runtime.Intrinsics.Vector{bits}.IsHardwareAccelerated)"))
                    {
                        writer.Line($"ForwardOneIn{bits}(input, output);");
                        writer.Line("return;");
                    }
                }
                writer.Line("ForwardOneByLayers(input, output, Inference);");
            }
            writer.Line();
            writer.Line("/// <summary>One sample's layer rows, with room to start them on a cache line, as a value in the caller's frame.</summary>");
            writer.Line($"[global::System.Runtime.CompilerServices.InlineArray({SampleLength + SamplePadding})]");
            using (writer.Open("private struct StackRows"))
                writer.Line($"private {T} _first;");
            writer.Line();
            foreach (int bits in RegisterWidths)
                WriteForwardOneInRegisters(bits);
        }

        /// <summary>
        /// One sample in vectors of one width, every layer written out: each output vector an
        /// accumulator in a register, split into partial sums whose multiply-add chains overlap, each
        /// weight row and bias read at a constant offset, the activation applied in the register. A
        /// small layer's kernel call, loops and size checks cost as much as its arithmetic; this path has none
        /// of them.
        /// </summary>
        private void WriteForwardOneInRegisters(int bits)
        {
            writer.Line($"/// <summary>One sample in Vector{bits}s, each layer's outputs in registers; lanes past a row are never read back.</summary>");
            using (writer.Open($"private void ForwardOneIn{bits}({ReadOnlySpan} input, {Span} output)"))
            {
                writer.Line($"ref {T} w = ref {ParameterOrigin};");
                writer.Line($"ref {T} x = ref {MemoryMarshal}.GetReference(input);");
                writer.Line("// The layers' rows in this call's frame, from a cache line: no other thread sees them, and");
                writer.Line("// reaching them costs no lookup of the thread's scratch, which is a call.");
                writer.Line("StackRows rows = default;");
                writer.Line($"ref {T} h = ref {Kernels}.Alignment.CacheLine(ref {Unsafe}.As<StackRows, {T}>(ref rows));");
                for (int l = 1; l <= LayerCount; l++)
                {
                    DenseLayerSpec layer = spec.Layers[l - 1];
                    if (IsRegisterDot(l, bits))
                    {
                        WriteRegisterDot(l, layer, bits);
                        break;
                    }
                    WriteRegisterLayer(l, layer, bits);
                }
            }
            writer.Line();
        }

        /// <summary>
        /// A final layer of one output after a layer that fills whole vectors: a dot product of the
        /// previous layer's registers with the weight column (contiguous when there is one output),
        /// instead of broadcasting each input back from memory.
        /// </summary>
        private bool IsRegisterDot(int l, int bits) =>
            l == LayerCount && l > 1 && FinalLayer.OutputSize == 1 && FinalLayer.Activation != ActivationKind.Softmax
            && spec.Layers[l - 2].OutputSize % Lanes(LayerBits(spec.Layers[l - 2], bits)) == 0;

        private void WriteRegisterDot(int l, DenseLayerSpec layer, int bits)
        {
            int previousBits = LayerBits(spec.Layers[l - 2], bits);
            int lanes = Lanes(previousBits), vectors = layer.InputSize / lanes;
            string vector = VectorType(previousBits);
            writer.Line($"// Layer {l}: {layer.InputSize} -> 1, {layer.Activation}: a dot product of layer {l - 1}'s {vectors} vectors.");
            writer.Line($"var dot = layer{l - 1}v0 * {vector}.LoadUnsafe(ref w, (nuint)({Offset($"Layer{l}Weights", 0)}));");
            for (int v = 1; v < vectors; v++)
                writer.Line($"dot = {vector}.MultiplyAddEstimate(layer{l - 1}v{v}, {vector}.LoadUnsafe(ref w, (nuint)({Offset($"Layer{l}Weights", v * lanes)})), dot);");
            writer.Line($"output[0] = {Kernels}.Activations.Apply({vector}.Sum(dot) + {At("w", $"Layer{l}Bias")}, global::NetGen.Activation.{layer.Activation});");
        }

        /// <summary>
        /// One layer in registers: <c>layer{l}v{k}</c> holds outputs [k·lanes, (k + 1)·lanes), stored
        /// to its padded row at <c>h</c> when a later statement reads it from there.
        /// </summary>
        private void WriteRegisterLayer(int l, DenseLayerSpec layer, int bits)
        {
            int layerBits = LayerBits(layer, bits), lanes = Lanes(layerBits), vectors = Vectors(layer, lanes);
            string vector = VectorType(layerBits);
            // Layer 1 reads the input; later layers read the previous layer's row at h.
            string source = l == 1 ? "x" : "h";
            int sourceRow = l == 1 ? 0 : SampleRow(l - 1), row = SampleRow(l);
            // Enough partial sums that the chains of multiply-adds keep two FMA pipes busy (4 cycles of
            // latency each), but no more than there are inputs to spread over them.
            int partials = System.Math.Min(System.Math.Min(4, (8 + vectors - 1) / vectors), layer.InputSize);
            writer.Line($"// Layer {l}: {layer.InputSize} -> {layer.OutputSize}, {layer.Activation}: {vectors} vector{(vectors == 1 ? "" : "s")} in {partials} partial sum{(partials == 1 ? "" : "s")} each.");
            for (int p = 0; p < partials; p++)
                for (int v = 0; v < vectors; v++)
                    writer.Line($"var l{l}p{p}v{v} = " + (p == 0 ? $"{vector}.LoadUnsafe(ref w, (nuint)({Offset($"Layer{l}Bias", v * lanes)}));" : $"{vector}<{T}>.Zero;"));
            // MultiplyAddEstimate, as in the kernels: fused where the hardware has FMA, and a multiply
            // and an add where it has not, instead of a fused one emulated in software.
            for (int i = 0; i < layer.InputSize; i++)
            {
                string sums = string.Concat(Enumerable.Range(0, vectors).Select(v =>
                    $" l{l}p{i % partials}v{v} = {vector}.MultiplyAddEstimate(a, {vector}.LoadUnsafe(ref w, (nuint)({Offset($"Layer{l}Weights", i * layer.OutputSize + v * lanes)})), l{l}p{i % partials}v{v});"));
                writer.Line($"{{ var a = {vector}.Create({At(source, (sourceRow + i).ToString())});{sums} }}");
            }
            // The final layer's few outputs go from the register straight to the caller; a softmax row
            // is stored before its softmax, which may need the row's maximum from memory.
            bool softmax = layer.Activation == ActivationKind.Softmax;
            bool fromRegister = l == LayerCount && vectors == 1 && OutputSize <= 4;
            bool stored = l < LayerCount ? !IsRegisterDot(l + 1, bits) : softmax || !fromRegister;
            for (int v = 0; v < vectors; v++)
            {
                string sum = PartialSum(l, v, partials);
                writer.Line($"var layer{l}v{v} = {(softmax ? sum : $"{Kernels}.Activations.Apply({sum}, global::NetGen.Activation.{layer.Activation})")};");
                if (stored)
                    writer.Line($"{vector}.StoreUnsafe(layer{l}v{v}, ref h, {row + v * lanes});");
            }
            if (softmax && vectors == 1)
            {
                writer.Line($"layer{l}v0 = {Kernels}.Activations.SoftmaxOne(layer{l}v0, {RowSpan(readOnly: true, row, layer.OutputSize)});");
                if (!fromRegister)
                    writer.Line($"{vector}.StoreUnsafe(layer{l}v0, ref h, {row});");
            }
            else if (softmax)
                writer.Line($"{Kernels}.Activations.Softmax<{T}>({RowSpan(readOnly: false, row, layer.OutputSize)}, 1, {layer.OutputSize});");
            if (fromRegister)
                for (int o = 0; o < OutputSize; o++)
                    writer.Line($"output[{o}] = layer{l}v0[{o}];");
            else if (l == LayerCount)
                WriteOutputCopy(row, inRegisters: true);
        }

        /// <summary>A span over <paramref name="length"/> values of the rows at <c>h</c> from <paramref name="row"/>.</summary>
        private string RowSpan(bool readOnly, int row, int length) =>
            $"{MemoryMarshal}.Create{(readOnly ? "ReadOnly" : "")}Span(ref {Unsafe}.Add(ref h, {row}), {length})";

        private static string VectorType(int bits) => $"global::System.Runtime.Intrinsics.Vector{bits}";

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
