using System;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Tests.Kernels;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Quantization;

// One test switches the kind of core the products take, so the class runs alone (VectorPipesProductTests).
[Collection(nameof(VectorPipesProductTests))]
public sealed class QuantizedNetworkTests
{
    public static TheoryData<WeightFormat> Formats() => new(Enum.GetValues<WeightFormat>());

    private static INetwork<float>[] Networks() => [new QuantizedMnistShapeNet(3), new QuantizedOddShapeNet(4)];

    private static float[] Inputs(INetwork<float> network, int batch, int seed) =>
        QuantizationReference.Uniform(batch * network.InputSize, -1, 1, seed);

    /// <summary>The network computes what its format defines, layer by layer, within float's rounding.</summary>
    [Theory]
    [MemberData(nameof(Formats))]
    public void Forward_computes_the_formats_definition(WeightFormat format)
    {
        foreach (INetwork<float> network in Networks())
        {
            QuantizedNetwork quantized = network.Quantize(format);
            const int batch = 9;
            float[] inputs = Inputs(network, batch, 11);
            var outputs = new float[batch * network.OutputSize];

            quantized.Forward(inputs, outputs);

            for (int s = 0; s < batch; s++)
            {
                double[] expected = QuantizationReference.Forward(network, format, inputs.AsSpan(s * network.InputSize, network.InputSize));
                for (int o = 0; o < expected.Length; o++)
                    Assert.InRange(Math.Abs(outputs[s * network.OutputSize + o] - expected[o]), 0, 2e-5 * (1 + Math.Abs(expected[o])));
            }
        }
    }

    /// <summary>
    /// Fewer bytes cost little: every output of a random 784-256-10 and of the odd-shaped net stays near the float
    /// network's (probabilities within 0.01 for Int8, 0.003 for bfloat16, float32's rounding for float32).
    /// </summary>
    [Theory]
    [InlineData(WeightFormat.Int8, 0.01)]
    [InlineData(WeightFormat.BFloat16, 0.003)]
    [InlineData(WeightFormat.Float32, 1e-5)]
    public void Outputs_stay_near_the_float_networks(WeightFormat format, double bound)
    {
        foreach (INetwork<float> network in Networks())
        {
            QuantizedNetwork quantized = network.Quantize(format);
            const int batch = 200;
            float[] inputs = Inputs(network, batch, 12);
            var expected = new float[batch * network.OutputSize];
            var actual = new float[expected.Length];

            network.Forward(inputs, expected);
            quantized.Forward(inputs, actual);

            double largest = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            Assert.InRange(largest, 0, bound);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_batch_gives_each_row_what_it_gives_alone(WeightFormat format)
    {
        var network = new QuantizedMnistShapeNet(5);
        QuantizedNetwork quantized = network.Quantize(format);
        float[] inputs = Inputs(network, 6, 13);
        var batched = new float[6 * 10];
        quantized.Forward(inputs, batched);

        var alone = new float[10];
        for (int s = 0; s < 6; s++)
        {
            quantized.Forward(inputs.AsSpan(s * 784, 784), alone);
            // Float32 multiplies a batch's rows together, each summed in an order that may depend on the batch.
            if (format == WeightFormat.Float32)
                for (int o = 0; o < 10; o++)
                    Assert.Equal(alone[o], batched[s * 10 + o], 1e-6f);
            else
                Assert.Equal(alone, batched.AsSpan(s * 10, 10).ToArray());
            Assert.Equal(Array.IndexOf(alone, alone.Max()), quantized.Predict(inputs.AsSpan(s * 784, 784)));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Predict_on_one_output_applies_the_threshold(WeightFormat format)
    {
        var network = new QuantizedOddShapeNet(6);
        QuantizedNetwork quantized = network.Quantize(format);
        var output = new float[1];
        for (int s = 0; s < 50; s++)
        {
            float[] input = Inputs(network, 1, 100 + s);
            quantized.Forward(input, output);
            Assert.Equal(output[0] > 0.5f ? 1 : 0, quantized.Predict(input));
        }
        Assert.Equal(0.5f, quantized.OutputThreshold);
    }

    [Fact]
    public void The_weights_take_a_quarter_and_a_half_of_floats_bytes_and_float32_at_most_twice()
    {
        var network = new QuantizedMnistShapeNet(1);
        long floatBytes = 4L * QuantizedMnistShapeNet.ParameterCount;
        // Padding rows to whole vectors and blocks, and the scales, add a few percent at most.
        Assert.InRange(network.Quantize(WeightFormat.Int8).Bytes, floatBytes / 4, floatBytes / 4 * 1.08);
        Assert.InRange(network.Quantize(WeightFormat.BFloat16).Bytes, floatBytes / 2, floatBytes / 2 * 1.05);
        // Float32 keeps float's weights, and where the core reads packed panels, those as well.
        Assert.InRange(network.Quantize(WeightFormat.Float32).Bytes, floatBytes, 2 * floatBytes * 1.01);
        Assert.Equal(WeightFormat.Int8, network.Quantize(WeightFormat.Int8).Format);
        Assert.Equal(QuantizedMnistShapeNet.Description, network.Quantize(WeightFormat.BFloat16).Description);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Many_threads_at_once_get_what_one_thread_gets(WeightFormat format)
    {
        var network = new QuantizedMnistShapeNet(7);
        QuantizedNetwork quantized = network.Quantize(format);
        const int samples = 64;
        float[] inputs = Inputs(network, samples, 14);
        var expected = new float[samples * 10];
        for (int s = 0; s < samples; s++)
            quantized.Forward(inputs.AsSpan(s * 784, 784), expected.AsSpan(s * 10, 10));

        var results = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var output = new float[samples * 10];
            for (int repeat = 0; repeat < 20; repeat++)
                for (int s = 0; s < samples; s++)
                    quantized.Forward(inputs.AsSpan(s * 784, 784), output.AsSpan(s * 10, 10));
            results[t] = output;
        });

        Assert.All(results, result => Assert.Equal(expected, result));

        // Whole batches at once too, which Float32 multiplies together: the same batch gives the same bits on any thread.
        var batched = new float[samples * 10];
        quantized.Forward(inputs, batched);
        var batchResults = new float[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var output = new float[samples * 10];
            for (int repeat = 0; repeat < 20; repeat++)
                quantized.Forward(inputs, output);
            batchResults[t] = output;
        });
        Assert.All(batchResults, result => Assert.Equal(batched, result));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_warm_call_allocates_nothing(WeightFormat format)
    {
        var network = new QuantizedOddShapeNet(8);
        QuantizedNetwork quantized = network.Quantize(format);
        float[] inputs = Inputs(network, 300, 15);
        var outputs = new float[300];
        quantized.Forward(inputs, outputs);
        quantized.Predict(inputs.AsSpan(0, 37));

        SteadyState.AssertAllocatesNothing(() =>
        {
            quantized.Forward(inputs.AsSpan(0, 4 * 37), outputs.AsSpan(0, 4));
            quantized.Forward(inputs, outputs);
            quantized.Predict(inputs.AsSpan(0, 37));
        }, repetitions: 100, windows: 3, $"{format} Forward on 4 and 300 rows and Predict");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Wrong_lengths_and_non_finite_inputs_are_argument_errors(WeightFormat format)
    {
        QuantizedNetwork quantized = new QuantizedMnistShapeNet(9).Quantize(format);

        var error = Assert.ThrowsAny<ArgumentException>(() => quantized.Forward(new float[783], new float[10]));
        Assert.Contains("784", error.Message);
        error = Assert.ThrowsAny<ArgumentException>(() => quantized.Forward(new float[2 * 784], new float[10]));
        Assert.Contains("10", error.Message);
        error = Assert.ThrowsAny<ArgumentException>(() => quantized.Predict(new float[10]));
        Assert.Contains("784", error.Message);
        var input = new float[784];
        input[300] = float.NaN;
        Assert.ThrowsAny<ArgumentException>(() => quantized.Predict(input));

        // Forward carries NaN on, as the float network does, rather than inventing a value.
        var output = new float[10];
        quantized.Forward(input, output);
        Assert.All(output, value => Assert.True(float.IsNaN(value)));
    }

    [Fact]
    public void A_network_with_a_non_finite_or_unrepresentable_weight_is_refused()
    {
        var network = new QuantizedOddShapeNet(10);
        network.Parameters[5] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => network.Quantize(WeightFormat.Int8));
        Assert.Contains("finite", error.Message);

        network = new QuantizedOddShapeNet(10);
        var parameters = new float[QuantizedOddShapeNet.ParameterCount];
        network.ExportParameters(parameters);
        parameters[3] = float.MaxValue;
        network.ImportParameters(parameters);
        error = Assert.Throws<ArgumentException>(() => network.Quantize(WeightFormat.BFloat16));
        Assert.Contains("BFloat16", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.Quantize((WeightFormat)99));
        Assert.Throws<ArgumentNullException>(() => QuantizedNetwork.From(null!, WeightFormat.Int8));
    }

    [Fact]
    public void A_layer_too_wide_for_exact_integer_sums_is_refused_for_Int8_only()
    {
        var network = new QuantizedTooWideNet(1);
        // The bound is the formula's, 2·127·127·n ≤ int.MaxValue, not the kernel's constant.
        Assert.True(2L * 127 * 127 * QuantizedTooWideNet.InputSize > int.MaxValue);
        Assert.True(2L * 127 * 127 * (QuantizedTooWideNet.InputSize - 1) <= int.MaxValue);

        var error = Assert.Throws<ArgumentException>(() => network.Quantize(WeightFormat.Int8));
        Assert.Contains("66572", error.Message);
        Assert.Equal(1, network.Quantize(WeightFormat.BFloat16).OutputSize);
    }

    /// <summary>A row of all-zero weights has no scale to take: its outputs are its bias.</summary>
    [Fact]
    public void A_row_of_zero_weights_gives_its_bias()
    {
        var network = new QuantizedOddShapeNet(11);
        var parameters = new float[QuantizedOddShapeNet.ParameterCount];
        network.ExportParameters(parameters);
        int rows = 50, inputs = 37;
        Array.Clear(parameters, 0, rows * inputs);
        network.ImportParameters(parameters);
        float[] input = Inputs(network, 1, 16);
        var expected = new float[1];
        var actual = new float[1];
        network.Forward(input, expected);

        foreach (WeightFormat format in Enum.GetValues<WeightFormat>())
        {
            network.Quantize(format).Forward(input, actual);
            Assert.Equal(expected[0], actual[0], 1e-3f);
        }
    }

    /// <summary>
    /// Float32 over batches of every kind its products take: a single row, rows outside blocks, a B beyond 1 MB read in
    /// slices for a few rows, many rows, and more than the 256 it multiplies at once (209 for a layer of 20,000 outputs,
    /// whose 256 rows would pass its 16 MB of scratch); against the definition in double.
    /// </summary>
    [Fact]
    public void Float32_computes_the_definition_for_every_batch()
    {
        INetwork<float>[] networks = [new QuantizedWideNet(17), new QuantizedMnistShapeNet(18), new QuantizedOddShapeNet(19), new QuantizedVeryWideNet(20)];
        foreach (INetwork<float> network in networks)
        {
            QuantizedNetwork frozen = network.Quantize(WeightFormat.Float32);
            foreach (int batch in new[] { 1, 3, 13, 64, 300 })
            {
                float[] inputs = Inputs(network, batch, 20 + batch);
                var outputs = new float[batch * network.OutputSize];
                frozen.Forward(inputs, outputs);
                for (int s = 0; s < batch; s++)
                {
                    double[] expected = QuantizationReference.Forward(network, WeightFormat.Float32, inputs.AsSpan(s * network.InputSize, network.InputSize));
                    for (int o = 0; o < expected.Length; o++)
                        Assert.InRange(Math.Abs(outputs[s * network.OutputSize + o] - expected[o]), 0, 2e-5 * (1 + Math.Abs(expected[o])));
                }
            }
        }
    }

    /// <summary>
    /// Panels are packed for the kind of core the process runs on; a product on the other kind (only tests switch it)
    /// copies its own rather than read panels laid out for other blocks.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Float32_made_on_one_kind_of_core_computes_the_definition_on_the_other(bool halvedWhenMade)
    {
        var network = new QuantizedWideNet(21);
        QuantizedNetwork frozen = null!;
        const int batch = 40;
        float[] inputs = Inputs(network, batch, 22);
        var outputs = new float[batch * 100];
        VectorPipesProductTests.AsCore(halvedWhenMade, () =>
        {
            frozen = network.Quantize(WeightFormat.Float32);
            VectorPipesProductTests.AsCore(!halvedWhenMade, () => frozen.Forward(inputs, outputs));
        });
        for (int s = 0; s < batch; s += 13)
        {
            double[] expected = QuantizationReference.Forward(network, WeightFormat.Float32, inputs.AsSpan(s * 300, 300));
            for (int o = 0; o < 100; o++)
                Assert.InRange(Math.Abs(outputs[s * 100 + o] - expected[o]), 0, 2e-5 * (1 + Math.Abs(expected[o])));
        }
    }
}
