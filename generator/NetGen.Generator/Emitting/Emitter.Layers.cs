using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;

namespace NetGen.Generator;

internal static partial class Emitter
{
    private sealed partial class NetworkWriter
    {
        /// <summary>
        /// The forward pass: hidden layers into their scratch rows with their activation applied,
        /// the final layer's pre-activation into <c>logits</c> (the caller applies or fuses its activation).
        /// </summary>
        private void WriteForwardLayers()
        {
            writer.Line("/// <summary>Rows [first, first + batch) of the hidden layers' rows (and of the training scratch) hold this call's samples.</summary>");
            string hiddenRows = string.Concat(Enumerable.Range(1, LayerCount - 1).Select(l => $", {Span} layer{l}Rows"));
            if (KeepsPreActivations.Any())
                writer.Line("/// <summary>Training passes the layers' pre-activation rows, which inference, needing no derivative, leaves null.</summary>");
            string preRows = PreActivationRows(l => $"{T}[]? layer{l}PreRows");
            using (writer.Open($"private void ForwardLayers({ReadOnlySpan} input, {Span} logits, int first, int batch{hiddenRows}{preRows}{(HasDropout ? ", bool training" : "")}{(SplitsFirstLayerByRows ? ", bool chunked" : "")})"))
            {
                for (int l = 1; l <= LayerCount; l++)
                {
                    (string destination, string? preActivation) = DeclareForwardRows(l);
                    if (l == 1 && SplitsFirstLayerByColumns)
                    {
                        (string secondDestination, string? secondPreActivation) = DeclareForwardRows(2);
                        DenseLayerSpec second = spec.Layers[1];
                        string half = $"new {ReadOnlySpan}(_firstProducts, {{0}} * {second.OutputSize}, batch * {second.OutputSize})";
                        writer.Line("// Split by halves of its panels, a chunk of a larger batch starts from layer 2's pre-activation, whose halves");
                        writer.Line("// FirstProducts computed over the whole batch with layer 1.");
                        writer.Line("if (chunked && Layer1Panels)");
                        writer.Line($"    Dense.AddProducts<{T}>({string.Format(half, "first")}, {string.Format(half, "(_training.BatchCapacity + first)")}, {Bias(2, second)}, {secondDestination}, batch, {second.OutputSize});");
                        using (writer.Open("else"))
                        {
                            WriteForwardLayer(1, destination, preActivation);
                            WriteForwardProduct(2, secondDestination);
                        }
                        WriteForwardActivation(2, secondPreActivation);
                        l = 2;
                        continue;
                    }
                    WriteForwardLayer(l, destination, preActivation);
                }
            }
            writer.Line();
        }

        /// <summary>The spans of layer <paramref name="l"/>'s rows that ForwardLayers writes: its product's destination, and its pre-activation where it keeps one.</summary>
        private (string Destination, string? PreActivation) DeclareForwardRows(int l)
        {
            if (l == LayerCount)
                return ("logits", null);
            DenseLayerSpec layer = spec.Layers[l - 1];
            writer.Line($"var layer{l} = layer{l}Rows.Slice(first * {layer.OutputSize}, batch * {layer.OutputSize});");
            if (!LayerPlan(l).KeepsPreActivation)
                return ($"layer{l}", null);
            writer.Line($"var pre{l} = layer{l}PreRows is null ? layer{l} : new {Span}(layer{l}PreRows, first * {layer.OutputSize}, batch * {layer.OutputSize});");
            return ($"pre{l}", $"pre{l}");
        }

        /// <summary>Layer <paramref name="l"/> of ForwardLayers: its product, then its activation and dropout.</summary>
        private void WriteForwardLayer(int l, string destination, string? preActivation)
        {
            WriteForwardProduct(l, destination);
            WriteForwardActivation(l, preActivation);
        }

        /// <summary>Layer <paramref name="l"/>'s pre-activation into <paramref name="destination"/>, in the layer's form.</summary>
        private void WriteForwardProduct(int l, string destination)
        {
            DenseLayerSpec layer = spec.Layers[l - 1];
            string source = l == 1 ? "input" : spec.Layers[l - 2].HasDropout ? $"layer{l - 1}Next" : $"layer{l - 1}";
            LayerPlan form = LayerPlan(l);
            writer.Line($"// Layer {l}: {layer.InputSize} -> {layer.OutputSize}, {layer.Activation}{Form(form)}.");
            if (form.Forward == ForwardForm.VectorRows)
                writer.Line($"Dense.ForwardVectorRows<{T}>({source}, {Weights(l, layer)}, {Bias(l, layer)}, {destination}, batch, {layer.InputSize}, {layer.OutputSize});");
            else if (form.Forward == ForwardForm.Unrolled)
                WriteUnrolledForward(l, layer, source, destination);
            else if (form.Forward == ForwardForm.UnrolledVectors)
                WriteUnrolledVectorForward(l, layer, form.ForwardVectors, source, destination);
            else
            {
                // Fused, the product applies the activation (after the panels flag, false where the layer has no panels).
                string activation = !form.FusesActivation ? "" : (form.PanelWidth > 0 ? "" : ", panels: false") + $", {ActivationOf(layer)}";
                string product = $"Dense.Forward<{T}>({source}, {Weights(l, layer)}, {Bias(l, layer)}, {destination}, batch, {layer.InputSize}, {layer.OutputSize}{PanelsArgument(l)}{activation});";
                if (form.SplitByRows)
                {
                    writer.Line("// A chunk of a larger batch adds up the halves FirstProducts computed over the whole batch.");
                    writer.Line("if (chunked)");
                    string addProducts = $"Dense.AddProducts<{T}>(new {ReadOnlySpan}(_firstProducts, first * {layer.OutputSize}, batch * {layer.OutputSize}), new {ReadOnlySpan}(_firstProducts, (_training.BatchCapacity + first) * {layer.OutputSize}, batch * {layer.OutputSize}), {Bias(l, layer)}, {destination}, batch, {layer.OutputSize});";
                    if (form.FusesActivation)
                    {
                        // The halves' sum is complete only here, so its activation follows it.
                        using (writer.Open(""))
                        {
                            writer.Line(addProducts);
                            WriteActivation(layer, destination, layer.OutputSize.ToString());
                        }
                    }
                    else
                        writer.Line("    " + addProducts);
                    writer.Line("else");
                    writer.Line("    " + product);
                }
                else
                    writer.Line(product);
            }
        }

        /// <summary>A hidden layer's activation over its rows, then its dropout while training.</summary>
        private void WriteForwardActivation(int l, string? preActivation)
        {
            DenseLayerSpec layer = spec.Layers[l - 1];
            if (l < LayerCount && !LayerPlan(l).FusesActivation)
                WriteActivation(layer, $"layer{l}", layer.OutputSize.ToString(), preActivation: preActivation);
            if (layer.HasDropout)
                WriteDropout(l, layer);
        }

        /// <summary>
        /// One sample: each layer a register-blocked kernel call with its activation fused, through the
        /// padded rows of <c>scratch.Sample</c>; no scratch rows of the batch path, no separate activation pass.
        /// Small networks have it behind their written-out paths (<see cref="WriteForwardOneDispatch"/>).
        /// </summary>
        private void WriteForwardOne()
        {
            if (plan.Inference.RegisterPath is { } registerPath)
                WriteForwardOneDispatch(registerPath);
            writer.Line("/// <summary>One sample, each layer held in registers with its activation fused.</summary>");
            using (writer.Open(plan.Inference.RegisterPath is not null
                ? $"private void ForwardOneByLayers({ReadOnlySpan} input, {Span} output, InferenceScratch<{T}> scratch)"
                : $"private void ForwardOne({ReadOnlySpan} input, {Span} output)"))
            {
                if (plan.Inference.RegisterPath is null)
                    writer.Line($"InferenceScratch<{T}> scratch = Inference;");
                for (int l = 1; l <= LayerCount; l++)
                {
                    DenseLayerSpec layer = spec.Layers[l - 1];
                    string source = l == 1 ? "input" : $"sample{l - 1}";
                    writer.Line($"var sample{l} = {SampleRange(Span, LayerPlan(l).SampleRow, LayerPlan(l).PaddedRow)};");
                    writer.Line($"Dense.ForwardOne<{T}>({source}, AlignedParameters, Layer{l}Weights, Layer{l}Bias, sample{l}, "
                        + $"{layer.InputSize}, {layer.OutputSize}, {ActivationOf(layer)}{PanelsArgument(l)});");
                    if (l == LayerCount)
                        WriteOutputCopy(LayerPlan(l).SampleRow, inRegisters: false);
                }
            }
            writer.Line();
        }

        /// <summary>
        /// The final layer's outputs, from its padded row at <paramref name="row"/> (of the rows at <c>h</c>
        /// on the register path, else of <c>scratch.Sample</c>), into <c>output</c>.
        /// </summary>
        private void WriteOutputCopy(int row, bool inRegisters)
        {
            if (plan.Inference.CopiesOutputByValue)
                for (int o = 0; o < OutputSize; o++)
                    writer.Line($"output[{o}] = {(inRegisters ? $"Unsafe.Add(ref h, {row + o})" : $"scratch.Sample[scratch.SampleOrigin + {row + o}]")};");
            else
                writer.Line($"{(inRegisters ? RowSpan(readOnly: true, row, OutputSize) : SampleRange(ReadOnlySpan, row, "OutputSize"))}.CopyTo(output);");
        }

        /// <summary>The hidden layers that keep their pre-activation while training.</summary>
        private System.Collections.Generic.IEnumerable<int> KeepsPreActivations =>
            Enumerable.Range(1, LayerCount - 1).Where(l => LayerPlan(l).KeepsPreActivation);

        /// <summary>The pre-activation rows of the hidden layers that keep them, as <c>ForwardLayers</c> takes them after the hidden rows.</summary>
        private string PreActivationRows(System.Func<int, string> array) => string.Concat(KeepsPreActivations.Select(l => ", " + array(l)));

        /// <summary>The hidden layers' rows as <c>ForwardLayers</c> takes them: the arrays <paramref name="array"/> names for each layer.</summary>
        private string HiddenRows(System.Func<int, string> array) => string.Concat(Enumerable.Range(1, LayerCount - 1).Select(l => ", " + array(l)));

        /// <summary>While training, the next layer reads the activations times the batch's dropout mask.</summary>
        private void WriteDropout(int l, DenseLayerSpec layer)
        {
            writer.Line($"{ReadOnlySpan} layer{l}Next = layer{l};");
            using (writer.Open("if (training)"))
            {
                writer.Line($"var dropped = new {Span}(_layer{l}Dropped, first * {layer.OutputSize}, batch * {layer.OutputSize});");
                writer.Line($"Regularization.ApplyMask<{T}>(layer{l}, {Mask(l, layer)}, dropped);");
                writer.Line($"layer{l}Next = dropped;");
            }
        }

        private string Mask(int l, DenseLayerSpec layer) => $"new {ReadOnlySpan}(_layer{l}Mask, first * {layer.OutputSize}, batch * {layer.OutputSize})";

        /// <summary>
        /// The backward pass from the gradient at the final pre-activation (in <c>_layerLDelta</c>):
        /// each layer's weight and bias gradients, then the gradient at its input through the
        /// activation before it. The first layer needs no input gradient.
        /// </summary>
        private void WriteBackwardLayers()
        {
            using (writer.Open($"private void BackwardLayers({ReadOnlySpan} input, int first, int batch, {Span} gradients{(SplitsFirstLayerByRows ? ", bool chunked" : "")})"))
            {
                for (int l = 1; l < LayerCount; l++)
                {
                    writer.Line($"var layer{l} = new {ReadOnlySpan}(_layer{l}Output, first * {spec.Layers[l - 1].OutputSize}, batch * {spec.Layers[l - 1].OutputSize});");
                    if (LayerPlan(l).KeepsPreActivation)
                        writer.Line($"var pre{l} = new {ReadOnlySpan}(_layer{l}Pre, first * {spec.Layers[l - 1].OutputSize}, batch * {spec.Layers[l - 1].OutputSize});");
                    if (spec.Layers[l - 1].HasDropout)
                        writer.Line($"var layer{l}Dropped = new {ReadOnlySpan}(_layer{l}Dropped, first * {spec.Layers[l - 1].OutputSize}, batch * {spec.Layers[l - 1].OutputSize});");
                }
                for (int l = 1; l <= LayerCount; l++)
                    writer.Line($"var delta{l} = new {Span}(_layer{l}Delta, first * {spec.Layers[l - 1].OutputSize}, batch * {spec.Layers[l - 1].OutputSize});");
                for (int l = LayerCount; l >= 1; l--)
                {
                    DenseLayerSpec layer = spec.Layers[l - 1];
                    LayerPlan form = LayerPlan(l);
                    if (form.Backward == BackwardForm.FusedFirstPair)
                    {
                        WriteFirstPairBackward();
                        break;
                    }
                    if (l == 2 && SplitsFirstLayerByColumns)
                    {
                        writer.Line("// Split by halves of its panels, a chunk of a larger batch leaves layers 2 and 1 to FirstHalfGradients,");
                        writer.Line("// FirstHalfWeightRows and SecondBias, which compute them over the whole batch.");
                        writer.Line("if (chunked && Layer1Panels)");
                        writer.Line("    return;");
                    }
                    string source = l == 1 ? "input" : spec.Layers[l - 2].HasDropout ? $"layer{l - 1}Dropped" : $"layer{l - 1}";
                    writer.Line($"// Layer {l}: {layer.InputSize} -> {layer.OutputSize}{Form(form)}.");
                    bool derivativeFused = form.AppliesPreviousDerivative;
                    if (form.Backward == BackwardForm.VectorRows)
                    {
                        string dx = l > 1 ? $"delta{l - 1}" : "default";
                        string activation = derivativeFused ? ActivationOf(spec.Layers[l - 2]) : $"Activation.{ActivationKind.Identity}";
                        writer.Line($"Dense.BackwardVectorRows<{T}>({source}, delta{l}, {Weights(l, layer)}, {GradientWeights(l, layer)}, {GradientBias(l, layer)}, {dx}, batch, {layer.InputSize}, {layer.OutputSize}, {activation});");
                    }
                    else if (form.Backward == BackwardForm.Unrolled)
                    {
                        WriteUnrolledBackward(l, layer, source);
                    }
                    else
                    {
                        string weights = $"Dense.BackwardWeights<{T}>({source}, delta{l}, {GradientWeights(l, layer)}, {GradientBias(l, layer)}, batch, {layer.InputSize}, {layer.OutputSize}{PanelsArgument(l)});";
                        if (form.SplitByRows)
                        {
                            writer.Line("// A chunk of a larger batch leaves these to FinishBlock, which computes them over the whole batch.");
                            if (CopiesFirstDeltaToPanels)
                                writer.Line("// Where the layer holds panels, the chunk copies its rows of delta1 panel by panel for their products.");
                            writer.Line("if (!chunked)");
                            writer.Line("    " + weights);
                            if (CopiesFirstDeltaToPanels)
                            {
                                writer.Line("else if (Layer1Panels)");
                                writer.Line($"    Dense.CopyToPanels<{T}>(delta1, {FirstDeltaPanels}, first, batch, {layer.OutputSize}, _training.BatchCapacity);");
                            }
                        }
                        else
                            writer.Line(weights);
                        string input = $"Dense.BackwardInput<{T}>(delta{l}, {Weights(l, layer)}, delta{l - 1}, batch, {layer.InputSize}, {layer.OutputSize});";
                        if (form.TransposedForInputGradient)
                        {
                            writer.Line("if (_transposedWeightsReady)");
                            writer.Line($"    Dense.BackwardInputTransposed<{T}>(delta{l}, _layer{l}TransposedWeights, delta{l - 1}, batch, {layer.InputSize}, {layer.OutputSize});");
                            writer.Line("else");
                            writer.Line("    " + input);
                        }
                        else if (l > 1)
                            writer.Line(input);
                    }
                    if (l > 1 && spec.Layers[l - 2].HasDropout)
                        writer.Line($"Regularization.DropoutBackward<{T}>({Mask(l - 1, spec.Layers[l - 2])}, delta{l - 1});");
                    if (l > 1 && !derivativeFused)
                        WriteActivationBackward(spec.Layers[l - 2], $"layer{l - 1}", $"delta{l - 1}", spec.Layers[l - 2].OutputSize.ToString(),
                            preActivation: LayerPlan(l - 1).KeepsPreActivation ? $"pre{l - 1}" : null);
                }
            }
            writer.Line();
        }

        /// <summary><c>z = b + Σᵢ xᵢ·w[i, ·]</c> for each sample, one statement per output.</summary>
        private void WriteUnrolledForward(int l, DenseLayerSpec layer, string source, string destination)
        {
            using (writer.Open(""))
            {
                writer.Line($"ref {T} w = ref {ParameterOrigin};");
                writer.Line($"ref {T} x = ref MemoryMarshal.GetReference({source});");
                writer.Line($"ref {T} z = ref MemoryMarshal.GetReference({destination});");
                using (writer.Open("for (int s = 0; s < batch; s++)"))
                {
                    WriteLoads("x", "x", layer.InputSize);
                    for (int o = 0; o < layer.OutputSize; o++)
                    {
                        string sum = At("w", Offset($"Layer{l}Bias", o)) + string.Concat(Enumerable.Range(0, layer.InputSize)
                            .Select(i => $" + x{i} * {At("w", Offset($"Layer{l}Weights", i * layer.OutputSize + o))}"));
                        writer.Line($"{At("z", o.ToString())} = {sum};");
                    }
                    writer.Line($"x = ref Unsafe.Add(ref x, {layer.InputSize});");
                    writer.Line($"z = ref Unsafe.Add(ref z, {layer.OutputSize});");
                }
            }
        }

        /// <summary>
        /// Per sample: <c>dw[i, o] += xᵢ·dzₒ</c>, <c>db[o] += dzₒ</c> and, past the first layer,
        /// <c>dxᵢ = Σₒ w[i, o]·dzₒ</c>, one statement each.
        /// </summary>
        private void WriteUnrolledBackward(int l, DenseLayerSpec layer, string source)
        {
            using (writer.Open(""))
            {
                writer.Line($"{GradientRange($"Layer{l}Weights", layer.ParameterCount)}.Clear();");
                writer.Line($"ref {T} g = ref MemoryMarshal.GetReference(gradients);");
                if (l > 1)
                {
                    writer.Line($"ref {T} w = ref {ParameterOrigin};");
                    writer.Line($"ref {T} dx = ref MemoryMarshal.GetReference(delta{l - 1});");
                }
                writer.Line($"ref {T} x = ref MemoryMarshal.GetReference({source});");
                writer.Line($"ref {T} dz = ref MemoryMarshal.GetReference(delta{l});");
                using (writer.Open("for (int s = 0; s < batch; s++)"))
                {
                    WriteLoads("x", "x", layer.InputSize);
                    WriteLoads("d", "dz", layer.OutputSize);
                    for (int i = 0; i < layer.InputSize; i++)
                        for (int o = 0; o < layer.OutputSize; o++)
                            writer.Line($"{At("g", Offset($"Layer{l}Weights", i * layer.OutputSize + o))} += x{i} * d{o};");
                    for (int o = 0; o < layer.OutputSize; o++)
                        writer.Line($"{At("g", Offset($"Layer{l}Bias", o))} += d{o};");
                    if (l > 1)
                    {
                        for (int i = 0; i < layer.InputSize; i++)
                        {
                            string sum = string.Join(" + ", Enumerable.Range(0, layer.OutputSize)
                                .Select(o => $"{At("w", Offset($"Layer{l}Weights", i * layer.OutputSize + o))} * d{o}"));
                            writer.Line($"{At("dx", i.ToString())} = {sum};");
                        }
                        writer.Line($"dx = ref Unsafe.Add(ref dx, {layer.InputSize});");
                    }
                    writer.Line($"x = ref Unsafe.Add(ref x, {layer.InputSize});");
                    writer.Line($"dz = ref Unsafe.Add(ref dz, {layer.OutputSize});");
                }
            }
        }

        /// <summary>Copies <paramref name="count"/> values at <paramref name="reference"/> into locals name0, name1, ….</summary>
        private void WriteLoads(string name, string reference, int count)
        {
            for (int k = 0; k < count; k++)
                writer.Line($"{T} {name}{k} = {At(reference, k.ToString())};");
        }

        private static string Offset(string name, int offset) => offset == 0 ? name : $"{name} + {offset}";

        private static string At(string reference, string offset) =>
            offset == "0" ? reference : $"Unsafe.Add(ref {reference}, {offset})";

        /// <summary>
        /// A layer's activation over its rows <paramref name="values"/>: in place, or out of place from the
        /// <paramref name="preActivation"/> rows where the layer keeps them.
        /// </summary>
        private void WriteActivation(DenseLayerSpec layer, string values, string size, string batch = "batch", string? preActivation = null)
        {
            if (preActivation is not null)
            {
                writer.Line($"Activations.Forward<{T}>({preActivation}, {values}, {ActivationOf(layer)});");
                return;
            }
            switch (layer.Activation)
            {
                case ActivationKind.Identity:
                    break;
                case ActivationKind.Softmax:
                    writer.Line($"Activations.Softmax<{T}>({values}, {batch}, {size});");
                    break;
                default:
                    writer.Line($"Activations.Forward<{T}>({values}, {ActivationOf(layer)});");
                    break;
            }
        }

        /// <summary>The chain rule through a layer's activation, from its outputs, and its kept <paramref name="preActivation"/> rows where its derivative reads them.</summary>
        private void WriteActivationBackward(DenseLayerSpec layer, string outputs, string delta, string size, string batch = "batch", string? preActivation = null)
        {
            if (preActivation is not null)
            {
                writer.Line($"Activations.Backward<{T}>({preActivation}, {outputs}, {delta}, {ActivationOf(layer)});");
                return;
            }
            switch (layer.Activation)
            {
                case ActivationKind.Identity:
                    break;
                case ActivationKind.Softmax:
                    writer.Line($"Activations.SoftmaxBackward<{T}>({outputs}, {delta}, {batch}, {size});");
                    break;
                default:
                    writer.Line($"Activations.Backward<{T}>({outputs}, {delta}, {ActivationOf(layer)});");
                    break;
            }
        }

        /// <summary>The layout argument of a layer's kernels where it may hold its weights panel by panel (<see cref="LayerPlan.PanelWidth"/>), else nothing.</summary>
        private string PanelsArgument(int l) => LayerPlan(l).PanelWidth > 0 ? $", Layer{l}Panels" : "";

        /// <summary>
        /// A layer's activation as the runtime's kernels take it: the Activation member of its name, then its
        /// argument where it takes one (LeakyReLU's negative slope), written out even at its default.
        /// </summary>
        private string ActivationOf(DenseLayerSpec layer) =>
            ActivationTable.Of(layer.Activation).ArgumentName is null
                ? $"Activation.{layer.Activation}"
                : $"Activation.{layer.Activation}, {Literal(layer.ActivationArgument)}";

        /// <summary>The form a layer's comment names.</summary>
        private static string Form(LayerPlan layer) => layer.Forward switch
        {
            ForwardForm.VectorRows => ", vector rows",
            ForwardForm.Unrolled or ForwardForm.UnrolledVectors => ", unrolled",
            _ => "",
        };

        private string Weights(int l, DenseLayerSpec layer) => ParameterRange(ReadOnlySpan, $"Layer{l}Weights", layer.WeightCount);

        private string Bias(int l, DenseLayerSpec layer) => ParameterRange(ReadOnlySpan, $"Layer{l}Bias", layer.OutputSize);

        private string GradientWeights(int l, DenseLayerSpec layer) => GradientRange($"Layer{l}Weights", layer.WeightCount);

        private string GradientBias(int l, DenseLayerSpec layer) => GradientRange($"Layer{l}Bias", layer.OutputSize);
    }
}
