using System;
using System.Collections.Generic;
using NetGen.Benchmarks.Baselines.LayerList;
using NetGen.Benchmarks.Baselines.Onnx;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// `-- --verify`: checks once, outside any timing, that every baseline computes what the generated
/// network computes from the same parameters: outputs, loss, gradients, and parameters after a few
/// optimizer steps. Each benchmark's setup repeats the cheaper part of this before it measures.
/// </summary>
internal static class Verification
{
    public static int Run()
    {
        Workload.Verbose = true;
        try
        {
            Training("W1", new SpiralNet(1), NetworkShape.Spiral, Workload.Sgd(1f), 30, steps: 5);
            Inference("W2", new SpiralNet(1), NetworkShape.Spiral);
            Inference("W3", new ControlNet(1), NetworkShape.Control);
            Inference("W4", new MnistNet(1), NetworkShape.Mnist);
            // Largest parameter ≈ 0.2: 1e-3 of it is a tenth of Adam's step of lr = 1e-3.
            Training("W5", new MnistAdamNet(1), NetworkShape.Mnist, Workload.Adam(1e-3f), 128, steps: 3, parameterTolerance: 1e-3);
            Training("W6", new MnistAdamNet(1), NetworkShape.Mnist, Workload.Adam(1e-3f), 32, steps: 3, parameterTolerance: 1e-3);
            Training("W7", new RegressorNet(1), NetworkShape.Regressor, Workload.Sgd(0.01f), 200, steps: 3);
            Parallel("W8", 128);
            foreach (ForwardCase sweep in BatchedInferenceBenchmarks.Cases)
                Batched(sweep);
            Console.WriteLine("All baselines compute what NetGen computes.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static void Parallel(string workload, int batch)
    {
        Console.WriteLine($"{workload} 784-256-10, batch {batch}");
        Workload.CheckBitIdentical(workload, new MnistAdamNet(1) { DegreeOfParallelism = 1 }, new MnistAdamNet(1) { DegreeOfParallelism = 2 },
            Workload.Inputs(batch * 784, 2), Workload.Labels(batch, 10, 3));
    }

    private static void Batched(ForwardCase sweep)
    {
        Console.WriteLine($"{sweep.Workload}: forward {sweep.Shape.Name}, batch {sweep.Batch}");
        var benchmark = new BatchedInferenceBenchmarks { Case = sweep };
        benchmark.Setup();
        benchmark.Cleanup();
    }

    private static void Inference(string workload, INetwork<float> network, NetworkShape shape)
    {
        Console.WriteLine($"{workload} {shape.Name}");
        float[] input = Workload.Inputs(shape.InputSize, 7);
        LayerListNetwork layers = Workload.LayerListTwin(network, shape, Workload.Sgd(0.01f), 4);
        Workload.CheckForward(workload, network, layers, input);
        Workload.CheckForward(workload + " batch 4", network, layers, Workload.Inputs(4 * shape.InputSize, 8));
        using OnnxRuntimePeer onnx = Workload.OnnxTwin(network, input);
        Workload.CheckForward(workload, network, onnx);
    }

    private static void Training(string workload, INetwork<float> network, NetworkShape shape,
        Func<IReadOnlyList<Parameter>, Optimizer> optimizer, int batch, int steps, double parameterTolerance = 1e-4)
    {
        Console.WriteLine($"{workload} {shape.Name}, batch {batch}");
        LayerListNetwork layers = Workload.LayerListTwin(network, shape, optimizer, batch);
        float[] inputs = Workload.Inputs(batch * shape.InputSize, 2);
        if (shape.Loss == Loss.CrossEntropy)
        {
            int[] labels = Workload.Labels(batch, shape.OutputSize, 3);
            Workload.CheckGradients(workload, network, layers, inputs, labels);
            for (int s = 0; s < steps; s++)
                Workload.Check($"{workload} loss at step {s + 1}", [network.TrainStep(inputs, labels)], [layers.TrainStep(inputs, labels)], 1e-4);
        }
        else
        {
            float[] targets = Workload.Inputs(batch * shape.OutputSize, 3);
            Workload.CheckGradients(workload, network, layers, inputs, targets);
            for (int s = 0; s < steps; s++)
                Workload.Check($"{workload} loss at step {s + 1}", [network.TrainStep(inputs, targets)], [layers.TrainStep(inputs, targets)], 1e-4);
        }
        Workload.CheckParameters($"{workload} after {steps} steps", network, layers, parameterTolerance);
    }
}
