using System;
using System.Linq;
using NetGen.Generator.Model;
using NetGen.Generator.Planning;
using Xunit;

namespace NetGen.Generator.Tests.Planning;

/// <summary>
/// The planner's decisions for a few declared shapes. Expected values are worked out here from the rules
/// as the design states them, not read back from the planner.
/// </summary>
public sealed class PlannerTests
{
    // Array.MaxLength.
    private const long ArrayMaxLength = 0x7FFFFFC7;

    private static NetworkSpec Spec(PrecisionKind precision, int inputSize, params (int Size, ActivationKind Activation, double Dropout)[] layers) =>
        Spec(precision, LossKind.MeanSquaredError, 0, inputSize, layers);

    private static NetworkSpec Spec(PrecisionKind precision, LossKind loss, double l2, int inputSize, params (int Size, ActivationKind Activation, double Dropout)[] layers)
    {
        int previous = inputSize;
        var dense = layers.Select(layer =>
        {
            var spec = new DenseLayerSpec(previous, layer.Size, layer.Activation, 0, InitKind.XavierUniform, 1.0, layer.Dropout);
            previous = layer.Size;
            return spec;
        }).ToEquatableArray();
        var type = new DeclaredTypeSpec("Net.g.cs", null, EquatableArray<ContainingTypeSpec>.Empty, "class", "Net", "Net");
        return new NetworkSpec(type, loss, precision, inputSize, dense, OptimizerSpec.Default, 0, l2, EquatableArray<string>.Empty, QualifiesNames: false);
    }

    /// <summary>About a million (2^20) floating-point operations of training a chunk (6·Σ in·out a sample), a power of two in [64, 4096].</summary>
    private static int ChunkSizeByFlops(NetworkSpec spec)
    {
        long flops = 6L * spec.Layers.Sum(l => (long)l.InputSize * l.OutputSize);
        int size = 64;
        while (size < 4096 && size * flops < 1 << 20)
            size *= 2;
        return size;
    }

    private static int Lanes(int bits, PrecisionKind precision) => bits / (precision == PrecisionKind.Single ? 32 : 64);

    [Fact]
    public void A_2_2_1_network_is_unrolled_and_fuses_its_pair_of_layers()
    {
        NetworkSpec spec = Spec(PrecisionKind.Single, 2, (2, ActivationKind.Sigmoid, 0), (1, ActivationKind.Sigmoid, 0));

        NetworkPlan plan = Planner.Plan(spec);

        // 4 and 2 weights, both within 64; fewer than 3 outputs each, so scalar statements.
        Assert.All(plan.Layers, layer => Assert.Equal(ForwardForm.Unrolled, layer.Forward));
        // Both unrolled, neither an input row of one Vector256 (8 floats), sigmoid is element-wise, no dropout.
        Assert.All(plan.Layers, layer => Assert.Equal(BackwardForm.FusedFirstPair, layer.Backward));
        Assert.All(plan.Layers, layer => Assert.False(layer.TransposedForInputGradient));
        Assert.All(plan.Layers, layer => Assert.False(layer.SplitByRows));
        // Layer 1's row of 2 floats in one Vector128 of 4 lanes; the last vector reads 2 values past it.
        Assert.Equal(new FirstPairPlan(Lanes: 4, Vectors: 1, Padding: 2), plan.Training.FirstPair);
        Assert.Null(plan.Training.FirstLayerSplit);

        // 36 flops a sample: even 4096 samples are far below a million, so the chunk is the largest.
        Assert.Equal(4096, plan.Training.ChunkSize);
        Assert.Equal(ChunkSizeByFlops(spec), plan.Training.ChunkSize);
        // Rows of the widest scratch row (2 values), less the fused pair's padding, fit in an array.
        int rows = (int)((ArrayMaxLength - 2) / 2);
        Assert.Equal(rows, plan.Training.RowsBatchLimit);
        Assert.Equal(rows, plan.Training.MaxTrainingBatch);
        Assert.Equal(OptimizerStepPlacement.WithChunkSums, plan.Training.OptimizerStep);
        Assert.False(plan.Training.ReadsLabels);

        // One sample's rows padded to 16 floats (a Vector512) each.
        Assert.Equal(16, plan.Inference.SamplePadding);
        Assert.Equal(new[] { 16, 16 }, plan.Layers.Select(l => l.PaddedRow));
        Assert.Equal(new[] { 0, 16 }, plan.Layers.Select(l => l.SampleRow));
        Assert.Equal(32, plan.Inference.SampleLength);
        // 2^18 values of hidden rows over 2 hidden values a sample, capped at 4096.
        Assert.Equal(4096, plan.Inference.ForwardPiece);
        Assert.True(plan.Inference.CopiesOutputByValue);
        Assert.Equal(0.5, plan.OutputThreshold);

        // Every layer at most 2 wide fills no more than a Vector128, so every width's path is the 128-bit one;
        // layer 1's 2 outputs do not fill a vector, so the final output is no dot product.
        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(plan.Inference.RegisterPath);
        RegisterWidthPlan width = Assert.Single(path.Widths);
        Assert.Equal(128, width.Bits);
        // One vector of 4 lanes a layer, in 2 partial sums (no more than the 2 inputs); layer 1's row is
        // stored for layer 2 to broadcast, and the single output goes from the register to the caller.
        Assert.Equal(
            new[]
            {
                new RegisterLayerPlan(RegisterLayerForm.BroadcastInputs, 128, 4, 1, 2, StoresRow: true, OutputsFromRegister: false),
                new RegisterLayerPlan(RegisterLayerForm.BroadcastInputs, 128, 4, 1, 2, StoresRow: false, OutputsFromRegister: true),
            },
            width.Layers);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_small_layer_whose_input_row_is_one_Vector256_runs_along_its_rows(bool isDouble)
    {
        PrecisionKind precision = isDouble ? PrecisionKind.Double : PrecisionKind.Single;
        int vector256 = Lanes(256, precision);
        // Layer 1: 4 -> 256/bits wide, unrolled along its output row; layer 2 reads one Vector256 a row.
        NetworkSpec spec = Spec(precision, 4, (vector256, ActivationKind.Tanh, 0), (4, ActivationKind.Identity, 0));

        NetworkPlan plan = Planner.Plan(spec);

        LayerPlan first = plan.Layers[0], second = plan.Layers[1];
        Assert.Equal(vector256 == 4 ? ForwardForm.VectorRows : ForwardForm.UnrolledVectors, first.Forward);
        Assert.Equal(ForwardForm.VectorRows, second.Forward);
        Assert.Equal(BackwardForm.VectorRows, second.Backward);
        // Layer 1's tanh derivative rides along with layer 2's input gradient.
        Assert.True(second.AppliesPreviousDerivative);
        Assert.False(first.AppliesPreviousDerivative);
        // A vector-rows layer is not fused with its neighbour.
        Assert.Null(plan.Training.FirstPair);
        if (first.Forward == ForwardForm.UnrolledVectors)
            Assert.Equal(vector256 / Lanes(128, precision), first.ForwardVectors);
    }

    [Theory]
    [InlineData(nameof(ActivationKind.SiLU), true)]
    [InlineData(nameof(ActivationKind.GELUTanh), true)]
    [InlineData(nameof(ActivationKind.GELU), true)]
    [InlineData(nameof(ActivationKind.Mish), true)]
    [InlineData(nameof(ActivationKind.Tanh), false)]
    [InlineData(nameof(ActivationKind.LeakyReLU), false)]
    public void A_layer_keeps_its_pre_activation_exactly_when_its_derivative_reads_it(string name, bool readsPreActivation)
    {
        var activation = Enum.Parse<ActivationKind>(name);
        // Layer 2 reads one Vector256 of 8 floats a row: it would apply layer 1's derivative with its input
        // gradient, which it cannot where that derivative needs layer 1's pre-activation.
        NetworkSpec spec = Spec(PrecisionKind.Single, 4, (8, activation, 0), (4, activation, 0), (2, ActivationKind.Identity, 0));

        NetworkPlan plan = Planner.Plan(spec);

        Assert.Equal(new[] { readsPreActivation, readsPreActivation, false }, plan.Layers.Select(l => l.KeepsPreActivation));
        Assert.Equal(BackwardForm.VectorRows, plan.Layers[1].Backward);
        Assert.Equal(!readsPreActivation, plan.Layers[1].AppliesPreviousDerivative);
    }

    [Fact]
    public void Dropout_before_a_vector_rows_layer_keeps_the_derivative_apart()
    {
        NetworkSpec spec = Spec(PrecisionKind.Single, 4, (8, ActivationKind.ReLU, 0.5), (4, ActivationKind.Identity, 0));

        LayerPlan second = Planner.Plan(spec).Layers[1];

        Assert.Equal(BackwardForm.VectorRows, second.Backward);
        Assert.False(second.AppliesPreviousDerivative);
    }

    [Theory]
    [InlineData(false, 784, 256, 64)]
    [InlineData(true, 784, 256, 32)]
    [InlineData(true, 29, 96, 32)]
    [InlineData(false, 29, 96, 0)]
    [InlineData(false, 784, 100, 0)]
    public void A_first_layer_of_product_kernels_whose_outputs_fill_panels_may_hold_them(bool doubles, int inputs, int outputs, int width)
    {
        NetworkSpec spec = Spec(doubles ? PrecisionKind.Double : PrecisionKind.Single, LossKind.CrossEntropy, 0, inputs, (outputs, ActivationKind.ReLU, 0), (10, ActivationKind.Softmax, 0));

        NetworkPlan plan = Planner.Plan(spec);

        // Panels of four 512-bit vectors: 64 floats or 32 doubles; only the first layer, which needs no input gradient.
        Assert.Equal((ForwardForm.ProductKernel, BackwardForm.ProductKernel), (plan.Layers[0].Forward, plan.Layers[0].Backward));
        Assert.Equal(width, plan.Layers[0].PanelWidth);
        Assert.Equal(0, plan.Layers[1].PanelWidth);
    }

    [Fact]
    public void Layers_past_the_first_and_layers_on_a_register_path_keep_their_weights_input_major()
    {
        // 256 outputs fill four panels of floats, but the second layer's input gradient reads its weights.
        NetworkPlan deep = Planner.Plan(Spec(PrecisionKind.Single, 784, (256, ActivationKind.ReLU, 0), (256, ActivationKind.ReLU, 0), (10, ActivationKind.Identity, 0)));
        Assert.Equal([64, 0, 0], deep.Layers.Select(layer => layer.PanelWidth));
        // A 2-64-1 network runs one sample in registers, which read the weights input-major.
        NetworkPlan small = Planner.Plan(Spec(PrecisionKind.Single, 2, (64, ActivationKind.Tanh, 0), (1, ActivationKind.Identity, 0)));
        Assert.NotNull(small.Inference.RegisterPath);
        Assert.All(small.Layers, layer => Assert.Equal(0, layer.PanelWidth));
    }

    [Fact]
    public void A_784_256_10_network_splits_its_first_layer_and_transposes_the_second()
    {
        NetworkSpec spec = Spec(PrecisionKind.Double, LossKind.CrossEntropy, 0, 784, (256, ActivationKind.ReLU, 0), (10, ActivationKind.Softmax, 0));

        NetworkPlan plan = Planner.Plan(spec);

        LayerPlan first = plan.Layers[0], second = plan.Layers[1];
        Assert.Equal((ForwardForm.ProductKernel, BackwardForm.ProductKernel), (first.Forward, first.Backward));
        Assert.True(first.SplitByRows);
        Assert.False(first.TransposedForInputGradient);
        Assert.Equal((ForwardForm.ProductKernel, BackwardForm.ProductKernel), (second.Forward, second.Backward));
        Assert.True(second.TransposedForInputGradient);
        Assert.False(second.SplitByRows);
        Assert.Null(plan.Training.FirstPair);

        // 6·(784·256 + 256·10) flops a sample is over a million already: the smallest chunk.
        Assert.Equal(64, ChunkSizeByFlops(spec));
        Assert.Equal(64, plan.Training.ChunkSize);
        // Eight blocks of layer 1's 784 rows; split by rows, the halves meet at the first row of block 4, 4·784/8 = 392;
        // where it holds panels of 32 doubles, by halves of four panels, 128 outputs.
        Assert.Equal(new FirstLayerSplitPlan(WeightBlocks: 8, HalfRow: 392, HalfColumns: 128), plan.Training.FirstLayerSplit);
        // The widest row is the input's 784; the two halves of 256 products a sample are narrower.
        int rows = (int)(ArrayMaxLength / 784);
        Assert.Equal(rows, plan.Training.RowsBatchLimit);
        Assert.Equal(rows, plan.Training.MaxTrainingBatch);
        Assert.True(plan.Training.ReadsLabels);

        // 2^18 / 256 hidden values a sample.
        Assert.Equal(1024, plan.Inference.ForwardPiece);
        // Doubles: a Vector512 holds 8; rows 256 and 10 padded to 256 and 16.
        Assert.Equal(8, plan.Inference.SamplePadding);
        Assert.Equal(new[] { 256, 16 }, plan.Layers.Select(l => l.PaddedRow));
        Assert.Equal(new[] { 0, 256 }, plan.Layers.Select(l => l.SampleRow));
        Assert.False(plan.Inference.CopiesOutputByValue);
        // Wider than 64: no path in registers.
        Assert.Null(plan.Inference.RegisterPath);
    }

    [Fact]
    public void A_wide_first_layer_halves_the_largest_training_batch_by_its_products()
    {
        // Rows of 100 inputs, but 2·300 first-layer products a sample for a batch of several chunks.
        NetworkSpec spec = Spec(PrecisionKind.Single, 100, (300, ActivationKind.ReLU, 0), (2, ActivationKind.Identity, 0));

        TrainingPlan training = Planner.Plan(spec).Training;

        int rows = (int)(ArrayMaxLength / 300);
        Assert.Equal(rows, training.RowsBatchLimit);
        Assert.Equal((int)(ArrayMaxLength / 600), training.MaxTrainingBatch);
        // 300 outputs fill no whole panels: split by rows only.
        Assert.Equal(new FirstLayerSplitPlan(8, 4 * 100 / 8 / 8 * 8, 0), training.FirstLayerSplit);
    }

    [Fact]
    public void A_first_layer_splits_by_halves_of_its_panels_only_where_each_half_is_whole_panels_of_a_layer_of_its_own()
    {
        int HalfColumns(PrecisionKind precision, params (int Size, ActivationKind Activation, double Dropout)[] layers) =>
            Planner.Plan(Spec(precision, 300, layers)).Training.FirstLayerSplit!.HalfColumns;

        // Two halves of two panels of 64 floats; of 32 doubles, 64 outputs split into halves of one panel each.
        Assert.Equal(128, HalfColumns(PrecisionKind.Single, (256, ActivationKind.ReLU, 0), (10, ActivationKind.Identity, 0)));
        Assert.Equal(32, HalfColumns(PrecisionKind.Double, (64, ActivationKind.Tanh, 0), (3, ActivationKind.Identity, 0)));
        // Three panels do not halve; nor does one layer, which has no layer 2 to join the halves.
        Assert.Equal(0, HalfColumns(PrecisionKind.Single, (192, ActivationKind.ReLU, 0), (10, ActivationKind.Identity, 0)));
        Assert.Equal(0, HalfColumns(PrecisionKind.Single, (256, ActivationKind.ReLU, 0)));
        // Dropout between the layers, a derivative that reads the pre-activation, and softmax's whole rows keep the rows' split.
        Assert.Equal(0, HalfColumns(PrecisionKind.Single, (256, ActivationKind.ReLU, 0.1), (10, ActivationKind.Identity, 0)));
        Assert.Equal(0, HalfColumns(PrecisionKind.Single, (256, ActivationKind.GELU, 0), (10, ActivationKind.Identity, 0)));
        Assert.Equal(0, HalfColumns(PrecisionKind.Single, (256, ActivationKind.Softmax, 0), (10, ActivationKind.Identity, 0)));
    }

    [Fact]
    public void A_first_layer_split_by_halves_of_its_panels_bounds_the_largest_training_batch_by_layer_2s_halves_when_they_are_wider()
    {
        // Layer 2's pre-activation halves, 2·512 a sample, are wider than layer 1's rows (128) or the input (300).
        NetworkSpec spec = Spec(PrecisionKind.Single, 300, (128, ActivationKind.ReLU, 0), (512, ActivationKind.ReLU, 0), (2, ActivationKind.Identity, 0));

        TrainingPlan training = Planner.Plan(spec).Training;

        Assert.Equal(64, training.FirstLayerSplit!.HalfColumns);
        Assert.Equal((int)(ArrayMaxLength / 1024), training.MaxTrainingBatch);
    }

    [Fact]
    public void A_weight_penalty_moves_the_optimizer_step_after_the_gradients()
    {
        NetworkSpec spec = Spec(PrecisionKind.Single, LossKind.BinaryCrossEntropy, 1e-4, 2, (10, ActivationKind.Tanh, 0), (1, ActivationKind.Sigmoid, 0));

        TrainingPlan training = Planner.Plan(spec).Training;
        TrainingPlan unpenalized = Planner.Plan(spec with { L2 = 0 }).Training;

        Assert.True(training.PenalizesWeights);
        Assert.Equal(OptimizerStepPlacement.AfterGradients, training.OptimizerStep);
        Assert.False(training.ReadsLabels);
        Assert.False(unpenalized.PenalizesWeights);
        Assert.Equal(OptimizerStepPlacement.WithChunkSums, unpenalized.OptimizerStep);
    }

    [Fact]
    public void A_single_output_after_whole_vectors_is_a_dot_product_at_every_width()
    {
        // Layer 1's 16 floats fill one Vector512, two Vector256s or four Vector128s.
        NetworkSpec spec = Spec(PrecisionKind.Single, 4, (16, ActivationKind.Tanh, 0), (1, ActivationKind.Sigmoid, 0));

        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

        Assert.Equal(new[] { 512, 256, 128 }, path.Widths.Select(w => w.Bits));
        foreach (RegisterWidthPlan width in path.Widths)
        {
            int lanes = Lanes(width.Bits, PrecisionKind.Single), vectors = 16 / lanes;
            // Partial sums: enough for 8 chains in flight, at most 4, at most the 4 inputs.
            int partials = Math.Min(Math.Min(4, (8 + vectors - 1) / vectors), 4);
            Assert.Equal(new RegisterLayerPlan(RegisterLayerForm.BroadcastInputs, width.Bits, lanes, vectors, partials, StoresRow: false, OutputsFromRegister: false), width.Layers[0]);
            Assert.Equal(RegisterLayerForm.DotWithPrevious, width.Layers[1].Form);
            Assert.Equal((width.Bits, lanes, vectors), (width.Layers[1].Bits, width.Layers[1].Lanes, width.Layers[1].Vectors));
        }
        // The stack rows: both padded rows and one Vector512 to start them on a cache line.
        Assert.Equal(16 + 16 + 16, path.StackRowsLength);
    }

    [Fact]
    public void A_deep_stack_of_small_layers_unrolls_only_its_first_256_weights()
    {
        // Nine layers of 6 -> 6 (36 weights each, within 64) and a final 6 -> 2: 7 · 36 = 252 weights fit in
        // 4 · 64 = 256, and neither the eighth layer's 36 nor the final layer's 12 fit in the 4 left.
        var layers = Enumerable.Repeat((6, ActivationKind.Tanh, 0.0), 9).Append((2, ActivationKind.Identity, 0.0)).ToArray();
        NetworkSpec spec = Spec(PrecisionKind.Single, 6, layers);

        NetworkPlan plan = Planner.Plan(spec);

        Assert.Equal(
            Enumerable.Repeat(ForwardForm.UnrolledVectors, 7).Concat(Enumerable.Repeat(ForwardForm.ProductKernel, 3)),
            plan.Layers.Select(l => l.Forward));
        Assert.Equal(new[] { BackwardForm.FusedFirstPair, BackwardForm.FusedFirstPair }.Concat(Enumerable.Repeat(BackwardForm.Unrolled, 5)).Concat(Enumerable.Repeat(BackwardForm.ProductKernel, 3)),
            plan.Layers.Select(l => l.Backward));
        // Past the first layer, a layer not unrolled takes its input gradient from transposed weights.
        Assert.Equal(Enumerable.Repeat(false, 7).Concat(Enumerable.Repeat(true, 3)), plan.Layers.Select(l => l.TransposedForInputGradient));
    }

    // The register paths' budget of statements over every width, as the design states it.
    private const int RegisterBudget = 320;

    /// <summary>
    /// The statements a path writes, as the design counts them: for each layer its partial sums, for each
    /// input it writes (one step and the inputs past the last whole step, in a loop) a broadcast where it
    /// has several vectors and a multiply-add per vector, and an activation and a store per vector; a
    /// final dot product, a multiply-add per vector and its output.
    /// </summary>
    private static int Statements(NetworkSpec spec, RegisterWidthPlan width)
    {
        int total = 0;
        for (int l = 0; l < width.Layers.Count; l++)
        {
            RegisterLayerPlan layer = width.Layers[l];
            int inputs = spec.Layers[l].InputSize;
            if (layer.Form == RegisterLayerForm.DotWithPrevious)
            {
                total += layer.Vectors + 1;
                continue;
            }
            int written = layer.Form == RegisterLayerForm.BroadcastInputsLoop ? layer.PartialSums + inputs % layer.PartialSums : inputs;
            int perInput = layer.Vectors > 1 ? layer.Vectors + 1 : 1;
            total += layer.PartialSums * layer.Vectors + written * perInput + 2 * layer.Vectors;
        }
        return total;
    }

    [Fact]
    public void A_spiral_writes_every_register_width_out_statement_by_statement()
    {
        // 2-10-3. 512 bits: 10 outputs in one Vector512 in 2 sums, 2 + 2 + 2 = 6; 3 in one Vector128 in 4
        // sums, 4 + 10 + 2 = 16. 256: two Vector256s in 2 sums, 4 + 2·3 + 4 = 14, and 16. 128: three
        // Vector128s in 2 sums, 6 + 2·4 + 6 = 20, and 16. All of it written out fits.
        NetworkSpec spec = Spec(PrecisionKind.Single, 2, (10, ActivationKind.Sigmoid, 0), (3, ActivationKind.Softmax, 0));
        Assert.True(6 + 16 + 14 + 16 + 20 + 16 <= RegisterBudget);

        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

        Assert.Equal(new[] { 512, 256, 128 }, path.Widths.Select(w => w.Bits));
        Assert.All(path.Widths.SelectMany(w => w.Layers), layer => Assert.Equal(RegisterLayerForm.BroadcastInputs, layer.Form));
        Assert.Equal(new[] { 22, 30, 36 }, path.Widths.Select(w => Statements(spec, w)));
    }

    [Fact]
    public void A_controller_writes_its_widest_register_path_out_and_loops_the_narrower_ones()
    {
        // 16-32-32-1 in loops: 512 bits, 2 vectors in 4 sums, one step of 4 inputs: 8 + 4·3 + 4 = 24 a layer
        // and a dot of 2 vectors, 3: 51. 256: 4 vectors in 2 sums, 8 + 2·5 + 8 = 26 a layer, and 5: 57.
        // 128: 8 vectors in 1 sum, 8 + 1·9 + 16 = 33 a layer, and 9: 75. That leaves 320 - 183 = 137.
        // Written out, 512 bits: 8 + 16·3 + 4 = 60 and 8 + 32·3 + 4 = 108, and 3: 171, 120 more, which
        // fits and leaves 17; 256 bits: 8 + 16·5 + 8 = 96, 8 + 32·5 + 8 = 176, and 5: 220 more, which does not.
        NetworkSpec spec = Spec(PrecisionKind.Single, 16, (32, ActivationKind.Tanh, 0), (32, ActivationKind.Tanh, 0), (1, ActivationKind.Identity, 0));
        Assert.True(51 + 57 + 75 + (171 - 51) <= RegisterBudget && 51 + 57 + 75 + (171 - 51) + (277 - 57) > RegisterBudget);

        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

        Assert.Equal(new[] { 512, 256, 128 }, path.Widths.Select(w => w.Bits));
        Assert.Equal(
            new[]
            {
                new[] { RegisterLayerForm.BroadcastInputs, RegisterLayerForm.BroadcastInputs, RegisterLayerForm.DotWithPrevious },
                new[] { RegisterLayerForm.BroadcastInputsLoop, RegisterLayerForm.BroadcastInputsLoop, RegisterLayerForm.DotWithPrevious },
                new[] { RegisterLayerForm.BroadcastInputsLoop, RegisterLayerForm.BroadcastInputsLoop, RegisterLayerForm.DotWithPrevious },
            },
            path.Widths.Select(w => w.Layers.Select(l => l.Form).ToArray()));
        Assert.Equal(new[] { 171, 57, 75 }, path.Widths.Select(w => Statements(spec, w)));
        Assert.Empty(path.KernelWidths);
        // A loop keeps the partial sums of the statements: at 256 bits, 4 vectors in 2 sums each.
        Assert.Equal((4, 2), (path.Widths[1].Layers[0].Vectors, path.Widths[1].Layers[0].PartialSums));
    }

    [Fact]
    public void Eight_tanh_layers_of_16_loop_at_the_widest_width_and_Vector128_and_leave_the_middle_to_the_kernels()
    {
        // 8-16x6-8-2 in loops. 512 bits: one vector in 4 sums and one step of 4 inputs, 4 + 4 + 2 = 10 a
        // layer: 80. 256: layers of 16 in 2 vectors, 8 + 4·3 + 4 = 24, those of 8 and 2 in one, 10: 164.
        // 128: layers of 16 in 4 vectors in 2 sums, 8 + 2·5 + 8 = 26, of 8 in 2 vectors in 4 sums,
        // 8 + 4·3 + 4 = 24, of 2 in one, 10: 190. The three are over 320; without the middle width, 270,
        // leaving 50, and 512 bits written out (4 + 8 + 2, 5·(4 + 16 + 2), 4 + 16 + 2, 4 + 8 + 2: 160) is 80 more.
        var layers = Enumerable.Repeat((16, ActivationKind.Tanh, 0.0), 6).Append((8, ActivationKind.Tanh, 0.0)).Append((2, ActivationKind.Tanh, 0.0)).ToArray();
        NetworkSpec spec = Spec(PrecisionKind.Single, 8, layers);
        Assert.True(80 + 164 + 190 > RegisterBudget && 80 + 190 <= RegisterBudget && 80 + 190 + (160 - 80) > RegisterBudget);

        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

        Assert.Equal(new[] { 512, 128 }, path.Widths.Select(w => w.Bits));
        // 256-bit hardware runs each layer's kernel.
        Assert.Equal(new[] { 256 }, path.KernelWidths);
        Assert.All(path.Widths.SelectMany(w => w.Layers), layer => Assert.Equal(RegisterLayerForm.BroadcastInputsLoop, layer.Form));
        Assert.Equal(new[] { 80, 190 }, path.Widths.Select(w => Statements(spec, w)));
    }

    [Fact]
    public void Forty_layers_of_7_have_no_register_path()
    {
        // 7 outputs fill one Vector256 in 4 sums; 7 inputs are less than two steps of 4, so they are never
        // in a loop: 4 + 7 + 2 = 13 statements a layer, 520 for 40 layers at the one width there is.
        var layers = Enumerable.Repeat((7, ActivationKind.Tanh, 0.0), 40).Append((2, ActivationKind.Identity, 0.0)).ToArray();
        NetworkSpec spec = Spec(PrecisionKind.Single, 7, layers);
        Assert.True(40 * 13 > RegisterBudget);

        Assert.Null(Planner.Plan(spec).Inference.RegisterPath);
    }

    [Fact]
    public void A_layer_whose_inputs_fill_less_than_two_steps_stays_statements_in_a_looped_path()
    {
        // 2-64-64-1 at 512 bits: 4 vectors a layer in min(4, ⌈8/4⌉, inputs) = 2 sums. Layer 2 written out
        // alone is 8 + 64·5 + 8 = 336 statements, over the budget.
        NetworkSpec spec = Spec(PrecisionKind.Single, 2, (64, ActivationKind.ReLU, 0), (64, ActivationKind.ReLU, 0), (1, ActivationKind.Identity, 0));
        Assert.True(8 + 64 * 5 + 8 > RegisterBudget);

        RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

        RegisterWidthPlan widest = path.Widths[0];
        Assert.Equal(512, widest.Bits);
        // Layer 1's 2 inputs are one step of its 2 sums: no loop.
        Assert.Equal((RegisterLayerForm.BroadcastInputs, 2), (widest.Layers[0].Form, widest.Layers[0].PartialSums));
        Assert.Equal((RegisterLayerForm.BroadcastInputsLoop, 2), (widest.Layers[1].Form, widest.Layers[1].PartialSums));
        Assert.Equal(RegisterLayerForm.DotWithPrevious, widest.Layers[2].Form);
    }

    [Theory]
    [InlineData(8, 16, 6)]
    [InlineData(64, 64, 12)]
    [InlineData(3, 24, 1)]
    [InlineData(32, 48, 3)]
    [InlineData(5, 5, 30)]
    public void The_register_paths_write_at_most_the_budget_of_statements(int inputs, int width, int hiddenLayers)
    {
        var layers = Enumerable.Repeat((width, ActivationKind.Tanh, 0.0), hiddenLayers).Append((2, ActivationKind.Identity, 0.0)).ToArray();
        NetworkSpec spec = Spec(PrecisionKind.Single, inputs, layers);

        RegisterPathPlan? path = Planner.Plan(spec).Inference.RegisterPath;

        int statements = path?.Widths.Sum(w => Statements(spec, w)) ?? 0;
        Assert.True(statements <= RegisterBudget, $"{statements} statements");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Register_paths_run_each_layer_at_the_width_the_runtimes_one_sample_kernel_picks(bool isDouble)
    {
        for (int outputs = 1; outputs <= 64; outputs++)
        {
            NetworkSpec spec = Spec(isDouble ? PrecisionKind.Double : PrecisionKind.Single, 4, (outputs, ActivationKind.Tanh, 0));
            RegisterPathPlan path = Assert.IsType<RegisterPathPlan>(Planner.Plan(spec).Inference.RegisterPath);

            int expected = isDouble ? NetGen.Kernels.Dense.OneSampleBits<double>(outputs) : NetGen.Kernels.Dense.OneSampleBits<float>(outputs);
            Assert.Equal(expected, path.Widths[0].Layers[0].Bits);
        }
    }

    [Fact]
    public void A_layer_wider_than_64_has_no_register_path()
    {
        NetworkSpec spec = Spec(PrecisionKind.Single, 2, (65, ActivationKind.ReLU, 0), (1, ActivationKind.Identity, 0));

        Assert.Null(Planner.Plan(spec).Inference.RegisterPath);
    }

    [Fact]
    public void Equal_specs_give_equal_plans()
    {
        NetworkSpec spec = Spec(PrecisionKind.Double, 8, (16, ActivationKind.Tanh, 0), (2, ActivationKind.Identity, 0));

        Assert.Equal(Planner.Plan(spec), Planner.Plan(spec with { }));
        Assert.Equal(Planner.Plan(spec).GetHashCode(), Planner.Plan(spec with { }).GetHashCode());
    }
}
