using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Tests.Networks;
using Xunit;

namespace NetGen.Tests.Reliability;

/// <summary>
/// One trained instance shared by several threads: Forward and Predict give exactly what sequential
/// calls give; training members refuse a second thread; Clone gives a copy that trains to the same bits.
/// </summary>
public sealed class SharedInstanceTests
{
    private const int Threads = 4;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(5000)] // more than one piece of a batch
    public void ForwardFromManyThreadsMatchesSequentialCalls(int batch)
    {
        var net = new FloatCrossEntropyNet(seed: 3);
        var random = new Random(11);
        const int Calls = 40;
        float[][] inputs = Enumerable.Range(0, Calls)
            .Select(_ => Enumerable.Range(0, batch * FloatCrossEntropyNet.InputSize).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray())
            .ToArray();
        float[][] expected = inputs.Select(input =>
        {
            var output = new float[batch * FloatCrossEntropyNet.OutputSize];
            net.Forward(input, output);
            return output;
        }).ToArray();
        int[] expectedClasses = inputs.Select(input => net.Predict(input.AsSpan(0, FloatCrossEntropyNet.InputSize))).ToArray();

        int mismatches = 0;
        using var start = new Barrier(Threads);
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            start.SignalAndWait();
            var output = new float[batch * FloatCrossEntropyNet.OutputSize];
            for (int round = 0; round < (batch == 1 ? 500 : 5); round++)
            {
                for (int call = 0; call < Calls; call++)
                {
                    int which = (call + thread * 7) % Calls;
                    net.Forward(inputs[which], output);
                    if (!output.AsSpan().SequenceEqual(expected[which])
                        || net.Predict(inputs[which].AsSpan(0, FloatCrossEntropyNet.InputSize)) != expectedClasses[which])
                        Interlocked.Increment(ref mismatches);
                }
            }
        });
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void ForwardFromManyThreadsAllocatesNothingOnceEachThreadHasItsScratch()
    {
        var net = new FloatCrossEntropyNet(seed: 3);
        float[] one = new float[FloatCrossEntropyNet.InputSize], batch = new float[50 * FloatCrossEntropyNet.InputSize];
        float[] oneOut = new float[FloatCrossEntropyNet.OutputSize], batchOut = new float[50 * FloatCrossEntropyNet.OutputSize];
        const int Windows = 3;
        long[][] allocated = new long[Threads][];
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            // The thread's first calls make its scratch; after them, the steady state allocates nothing. As in
            // SteadyStateAllocationTests, the runtime itself may allocate on a thread once (seen: 7,440 bytes in
            // one thread's window, none on rerunning), so each thread needs one window of 1,000 rounds that
            // allocates nothing; a call that allocates allocates in every window.
            net.Forward(one, oneOut);
            net.Forward(batch, batchOut);
            net.Predict(one);
            start.SignalAndWait();
            allocated[t] = new long[Windows];
            for (int window = 0; window < Windows; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int call = 0; call < 1000; call++)
                {
                    net.Forward(one, oneOut);
                    net.Forward(batch, batchOut);
                    net.Predict(one);
                }
                allocated[t][window] = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated[t][window] == 0)
                    break;
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());
        Assert.All(allocated, windows => Assert.Contains(0L, windows));
    }

    [Theory]
    [InlineData("TrainStep")]
    [InlineData("ComputeGradients")]
    [InlineData("ApplyGradients")]
    [InlineData("ImportParameters")]
    [InlineData("ResetOptimizer")]
    [InlineData("LearningRate")]
    [InlineData("DegreeOfParallelism")]
    [InlineData("Clone")]
    public void ATrainingMemberRefusesASecondThreadAndNamesItself(string member)
    {
        var net = new DropoutAdamNet(seed: 4);
        float[] before = net.Parameters.ToArray();
        // Another thread is inside a training member: the guard, in the network's runtime training object, holds that thread's id.
        object training = typeof(DropoutAdamNet).GetField("_training", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(net)!;
        FieldInfo owner = training.GetType().GetField("_trainingThread", BindingFlags.NonPublic | BindingFlags.Instance)!;
        owner.SetValue(training, Environment.CurrentManagedThreadId + 1000);
        var exception = Assert.Throws<InvalidOperationException>(() => Call(net, member));
        Assert.StartsWith(member + " was called while another thread", exception.Message);
        Assert.Equal(before, net.Parameters.ToArray());

        owner.SetValue(training, 0);
        Call(net, member);
        Assert.Equal(0, (int)owner.GetValue(training)!);
    }

    [Fact]
    public void TwoThreadsTrainingOneInstanceGetAnExceptionRatherThanARace()
    {
        var net = new WideHiddenNet(seed: 5);
        var inputs = new float[256];
        var targets = new float[256];
        int refused = 0, other = 0;
        using var start = new Barrier(2);
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
        {
            start.SignalAndWait();
            for (int step = 0; step < 20; step++)
            {
                try
                {
                    net.TrainStep(inputs, targets);
                }
                catch (InvalidOperationException exception) when (exception.Message.StartsWith("TrainStep was called while another thread"))
                {
                    Interlocked.Increment(ref refused);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref other);
                }
            }
        });
        Assert.Equal(0, other);
        Assert.True(refused > 0, "Two threads each ran 20 steps of several milliseconds on one instance, and none was refused.");
    }

    [Fact]
    public void ACloneTrainsToTheSameBitsAndIsIndependent()
    {
        var original = new DropoutAdamNet(seed: 6);
        var random = new Random(12);
        float[] inputs = Enumerable.Range(0, 20 * DropoutAdamNet.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        int[] labels = Enumerable.Range(0, 20).Select(i => i % 3).ToArray();
        for (int step = 0; step < 5; step++)
            original.TrainStep(inputs, labels);
        original.LearningRate = 0.02f;

        DropoutAdamNet copy = original.Clone();
        Assert.Equal(original.Parameters.ToArray(), copy.Parameters.ToArray());
        Assert.Equal(original.LearningRate, copy.LearningRate);
        for (int step = 0; step < 5; step++)
            Assert.Equal(original.TrainStep(inputs, labels), copy.TrainStep(inputs, labels));
        Assert.Equal(original.Parameters.ToArray(), copy.Parameters.ToArray());

        // A new network from the same seed differs after the same steps when its optimizer and dropout
        // state start afresh, so the equality above depends on what Clone copied.
        var fresh = new DropoutAdamNet(seed: 6);
        fresh.ImportParameters(Export(copy));
        fresh.TrainStep(inputs, labels);
        copy.TrainStep(inputs, labels);
        Assert.NotEqual(copy.Parameters.ToArray(), fresh.Parameters.ToArray());

        float[] originalBefore = original.Parameters.ToArray();
        copy.Parameters.Fill(0);
        Assert.Equal(originalBefore, original.Parameters.ToArray());
    }

    private static float[] Export(DropoutAdamNet net)
    {
        var parameters = new float[DropoutAdamNet.ParameterCount];
        net.ExportParameters(parameters);
        return parameters;
    }

    private static void Call(DropoutAdamNet net, string member)
    {
        var inputs = new float[2 * DropoutAdamNet.InputSize];
        int[] labels = [0, 2];
        switch (member)
        {
            case "TrainStep": net.TrainStep(inputs, labels); break;
            case "ComputeGradients": net.ComputeGradients(inputs, labels); break;
            case "ApplyGradients": net.ApplyGradients(); break;
            case "ImportParameters": net.ImportParameters(Export(net)); break;
            case "ResetOptimizer": net.ResetOptimizer(); break;
            case "LearningRate": net.LearningRate = 0.5f; break;
            case "DegreeOfParallelism": net.DegreeOfParallelism = 2; break;
            case "Clone": net.Clone(); break;
            default: throw new ArgumentOutOfRangeException(nameof(member), member, null);
        }
    }
}
