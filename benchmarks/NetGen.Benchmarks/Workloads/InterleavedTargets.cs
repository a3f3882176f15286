using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Benchmarks.Baselines.Onnx;
using NetGen.Benchmarks.Baselines.PyTorch;
using NetGen.Benchmarks.Networks;

namespace NetGen.Benchmarks.Workloads;

/// <summary>
/// Issue 16's table in one run (<c>-- --targets</c>): W1, W4, W5, W6, W8, W9 and the sweep, each NetGen contender
/// beside its peer (PyTorch in its own process through <see cref="PyTorchTurns"/>, ONNX Runtime in this one, W8 against
/// W5's own one-thread step), all timed in turns: every round gives each contender one turn of 100 ms, and a
/// contender's time is its median over the rounds. A spell of the host then falls on a workload and its peer alike,
/// where the BenchmarkDotNet suite and the peers' script time them in separate processes minutes apart (on the KVM guest
/// of benchmarks/README.md, ONNX Runtime ran W9 at 82.6% of the peak in one suite run and 86.6% in the next). The FMA
/// peak is measured before and after the rounds as <see cref="FmaPeak.Measured"/> measures it (the best of short runs:
/// what the core can do), and the "% of peak" column divides by the higher of the two; the same FMA chains also take a
/// turn each round, and "% of turns' peak" divides by their median (what the core gave a turn over the same rounds,
/// spells included).
/// </summary>
internal static class InterleavedTargets
{
    /// <summary>Rounds counted, unless the command line asks for another number (CI's smoke run asks for one).</summary>
    public const int DefaultRounds = 25;

    /// <summary>
    /// Rounds run first and not counted: the JIT compiles the steps at full optimization after their first calls
    /// (W1's turns took 14.7, 7.8 and 4.0 us a step in the first three rounds here, 0.73-0.80 after).
    /// </summary>
    private const int WarmUpRounds = 3;

    // Issue 16's targets: the peer's time over NetGen's, and NetGen's share of the peak where a target names one.
    private const double W1Ratio = 100, W4RatioToFloat = 3, W4RatioToQuantized = 1, W5Ratio = 1.8, W5PercentOfPeak = 80, W6Ratio = 3,
        W8Ratio = 1.8, SweepRatio = 1.1, W9PercentOfPeak = 90;

    /// <summary>One thing timed in turns, with its times so far.</summary>
    private sealed class Contender(string name, Func<double> turn)
    {
        private readonly List<double> _times = [];

        public string Name => name;

        public void TakeTurn() => _times.Add(turn());

        public double Median => Turns.Median(_times);

        public double Minimum => _times.Min();

        /// <summary>Every counted turn's time in microseconds, in the order taken.</summary>
        public string Times => string.Join(" ", _times.Select(time => time.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)));

        /// <summary>Drops the warm-up rounds' times.</summary>
        public void Forget() => _times.Clear();
    }

    /// <summary>
    /// A row of the table: NetGen's contender against its peer (null where that is PyTorch and Python did not start), met
    /// when the peer's time over NetGen's reaches
    /// <paramref name="Ratio"/> and, where given, NetGen reaches <paramref name="PercentOfPeak"/> of the peak
    /// (counting <paramref name="Flops"/> a call).
    /// </summary>
    private sealed record Target(string Workload, Contender NetGen, Contender? Peer, double Ratio, double Flops = 0, double PercentOfPeak = 0)
    {
        /// <summary>The sweep's cell (W9 among them) this row is one form of; null for the other workloads.</summary>
        public ForwardCase? Cell { get; init; }

        /// <summary>For a cell: its forward after the first layer, timed alone in <see cref="RestTurns"/>.</summary>
        public OutputLayerAlone? Rest { get; init; }

        /// <summary>For a cell: the turns of <see cref="Rest"/>.</summary>
        public Contender? RestTurns { get; init; }

        public bool IsMet(double peak) =>
            Peer is not null && Peer.Median / NetGen.Median >= Ratio && (PercentOfPeak == 0 || PercentOf(peak) >= PercentOfPeak);

        public double PercentOf(double peak) => Flops / NetGen.Median / 1e3 / peak * 100;

        /// <summary>
        /// For a cell, the most of <paramref name="peak"/> its forward can reach: its first product at <paramref name="productPercent"/>,
        /// the share NetGen's product reached alone, and the rest of the forward as fast as it ran alone.
        /// </summary>
        public double MostPercent(double peak, double productPercent) =>
            Flops / Rest!.LeastMicroseconds(productPercent, peak, RestTurns!.Median) / 1e3 / peak * 100;

        /// <summary>Whether a cell's ratio needs more of <paramref name="peak"/> than its forward can reach (<see cref="MostPercent"/>), in this run.</summary>
        public bool IsBeyond(double peak, double productPercent) =>
            Cell is not null && Peer is not null && Rest is not null && PercentNeeded(peak) > MostPercent(peak, productPercent);

        /// <summary>The share of <paramref name="peak"/> NetGen would have to reach for <see cref="Ratio"/> against the peer's median.</summary>
        public double PercentNeeded(double peak) => Flops * Ratio / Peer!.Median / 1e3 / peak * 100;
    }

    /// <param name="rounds">Rounds counted after the warm-up rounds.</param>
    /// <param name="showTurns">Also print every contender's time in every counted turn, to see a spell of the host where it fell.</param>
    public static int Run(int rounds, bool showTurns)
    {
        PeakMeasurement peakBefore = FmaPeak.Measured;
        Console.WriteLine($"// before the rounds: {peakBefore}");
        using PyTorchTurns? pytorch = PyTorchTurns.Start(out string pytorchAbsence);
        Console.WriteLine(pytorch is null ? $"// PyTorch: not run: {pytorchAbsence}" : $"// PyTorch: {pytorch.Version}, through benchmarks/peers/run.sh");
        var disposables = new List<IDisposable>();
        try
        {
            var contenders = new List<Contender>();
            var targets = new List<Target>();
            Contender Add(string name, Func<double> turn)
            {
                var contender = new Contender(name, turn);
                contenders.Add(contender);
                return contender;
            }
            Contender? PyTorch(string workload) =>
                pytorch is null ? null : Add($"{workload} PyTorch", () => pytorch.MicrosecondsPerCall(workload, Turns.Length));
            T Owned<T>(T disposable) where T : IDisposable
            {
                disposables.Add(disposable);
                return disposable;
            }

            // W1: the spiral step.
            var spiral = new SpiralNet(1);
            (float[] spiralInputs, int[] spiralLabels) = Workload.ClassifierBatch(NetworkShape.Spiral, SpiralTrainingBenchmarks.Batch);
            targets.Add(new("W1", Add("W1 NetGen", () => Turns.MicrosecondsPerCall(() => spiral.TrainStep(spiralInputs, spiralLabels))),
                PyTorch("W1"), W1Ratio));

            // W4: one sample through Int8 weights, against ONNX Runtime in float and quantized.
            var mnist = new MnistNet(1);
            float[] mnistInput = Workload.MnistSample();
            var mnistOutput = new float[10];
            QuantizedNetwork mnistInt8 = mnist.Quantize(WeightFormat.Int8);
            OnnxRuntimePeer onnxFloat = Owned(Workload.OnnxTwin(mnist, mnistInput));
            OnnxRuntimePeer onnxInt8 = Owned(Workload.OnnxTwin(mnist, mnistInput, quantized: true));
            Workload.CheckForward("W4", mnist, onnxFloat);
            InferenceBenchmarks.CheckQuantized(mnist, mnistInt8, mnistInput);
            InferenceBenchmarks.CheckQuantized(mnist, onnxInt8, mnistInput);
            Contender int8 = Add("W4 NetGen Int8", () => Turns.MicrosecondsPerCall(() => mnistInt8.Forward(mnistInput, mnistOutput)));
            targets.Add(new("W4 Int8 against ONNX Runtime fp32", int8, Add("W4 ONNX Runtime fp32", () => Turns.MicrosecondsPerCall(onnxFloat.Run)), W4RatioToFloat));
            targets.Add(new("W4 Int8 against ONNX Runtime int8", int8, Add("W4 ONNX Runtime int8", () => Turns.MicrosecondsPerCall(onnxInt8.Run)), W4RatioToQuantized));

            // W5, W6: the 784-256-10 Adam step on one thread; W8: W5 on two, against W5's own step.
            double trainingFlops = NetworkShape.Mnist.TrainingFlopsPerSample;
            foreach ((string workload, int batch) in MnistTrainingBenchmarks.Batches)
            {
                var network = new MnistAdamNet(1) { DegreeOfParallelism = 1 };
                (float[] inputs, int[] labels) = Workload.ClassifierBatch(NetworkShape.Mnist, batch);
                Contender ours = Add($"{workload} NetGen", () => Turns.MicrosecondsPerCall(() => network.TrainStep(inputs, labels)));
                bool isW5 = workload == "W5";
                targets.Add(new(workload, ours, PyTorch(workload), isW5 ? W5Ratio : W6Ratio, trainingFlops * batch, isW5 ? W5PercentOfPeak : 0));
                if (isW5)
                {
                    var twoThreads = new MnistAdamNet(1) { DegreeOfParallelism = 2 };
                    Workload.CheckBitIdentical("W8", network, twoThreads, inputs, labels);
                    targets.Add(new("W8 (against W5 on one thread)",
                        Add("W8 NetGen, 2 threads", () => Turns.MicrosecondsPerCall(() => twoThreads.TrainStep(inputs, labels))), ours, W8Ratio));
                }
            }

            // W9 and the sweep: Forward and the frozen form against ONNX Runtime, same weights, same batch.
            foreach (ForwardCase forwardCase in BatchedInferenceBenchmarks.Cases)
            {
                (INetwork<float> network, QuantizedNetwork frozen, OnnxRuntimePeer onnx, float[] input, float[] output) =
                    Owned(BatchedInferenceBenchmarks.Prepare(forwardCase));
                double percent = forwardCase.Workload == "W9" ? W9PercentOfPeak : 0;
                Contender forward = Add($"{forwardCase.Workload} NetGen", () => Turns.MicrosecondsPerCall(() => network.Forward(input, output)));
                Contender frozenForward = Add($"{forwardCase.Workload} NetGen frozen", () => Turns.MicrosecondsPerCall(() => frozen.Forward(input, output)));
                Contender peer = Add($"{forwardCase.Workload} ONNX Runtime", () => Turns.MicrosecondsPerCall(onnx.Run));
                var rest = new OutputLayerAlone(forwardCase);
                Contender restTurns = Add($"{forwardCase.Workload} output layer alone", () => Turns.MicrosecondsPerCall(rest.Run));
                targets.Add(new($"{forwardCase}, Forward", forward, peer, SweepRatio, forwardCase.FlopsPerCall, percent)
                    { Cell = forwardCase, Rest = rest, RestTurns = restTurns });
                targets.Add(new($"{forwardCase}, frozen", frozenForward, peer, SweepRatio, forwardCase.FlopsPerCall, percent)
                    { Cell = forwardCase, Rest = rest, RestTurns = restTurns });
            }

            // NetGen's product with nothing in its way, for the share of the peak no forward built on it can pass.
            var product = new ProductCeiling();
            Contender productAlone = Add("NetGen's product alone", () => Turns.MicrosecondsPerCall(product.Run));

            // The FMA chains as a contender: 10,000 iterations a call, 3.84 MFLOP at 512 bits, about 17 us at 230 GFLOP/s.
            const long PeakIterations = 10_000;
            Contender fmaChains = Add("FMA chains", () => Turns.MicrosecondsPerCall(() => FmaPeak.Run(float64: false, PeakIterations)));
            Console.WriteLine($"// {contenders.Count} contenders, {WarmUpRounds} + {rounds} rounds of one 100 ms turn each (about {contenders.Count * (WarmUpRounds + rounds) * 0.11 / 60:F0} min)");
            for (int round = 0; round < WarmUpRounds + rounds; round++)
            {
                if (round == WarmUpRounds)
                    contenders.ForEach(contender => contender.Forget());
                foreach (Contender contender in contenders)
                    contender.TakeTurn();
            }
            if (showTurns)
            {
                foreach (Contender contender in contenders)
                    Console.WriteLine($"// {contender.Name}, us a call each turn: {contender.Times}");
            }
            PeakMeasurement peakAfter = FmaPeak.Measure();
            Console.WriteLine($"// after the rounds: {peakAfter}");
            double turnsPeak = FmaPeak.Flops(float64: false, PeakIterations) / fmaChains.Median / 1e3;
            double productPercent = ProductCeiling.FlopsPerCall / productAlone.Median / 1e3 / turnsPeak * 100;
            Report(targets, Math.Max(peakBefore.Float32Gflops, peakAfter.Float32Gflops), turnsPeak, productPercent);
        }
        finally
        {
            foreach (IDisposable disposable in disposables)
                disposable.Dispose();
        }
        return 0;
    }

    /// <param name="productPercent">The share of the turns' peak that NetGen's product reached alone (<see cref="ProductCeiling"/>).</param>
    private static void Report(List<Target> targets, double peak, double turnsPeak, double productPercent)
    {
        Console.WriteLine($"% of peak: of {peak:F1} GFLOP/s, the higher of the two peaks; % of turns' peak: of {turnsPeak:F1} GFLOP/s, the FMA chains' median turn.");
        Console.WriteLine($"NetGen's product alone, a panel in L2 (ProductCeiling): {productPercent:F1}% of the turns' peak. \"Its parts allow\": a cell's forward "
            + "with its first product at that share and its output layer and softmax as fast as they ran alone; a ratio that needs more is out of reach.");
        Console.WriteLine();
        Console.WriteLine("| target | NetGen median (min) | % of peak | % of turns' peak | peer | peer median (min) | peer / NetGen | target | the ratio needs, of turns' peak | its parts allow | met |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---|---:|---:|---|");
        foreach (Target target in targets)
        {
            double ours = target.NetGen.Median;
            string percent = target.Flops > 0 ? $"{target.PercentOf(peak):F1}% | {target.PercentOf(turnsPeak):F1}%" : " | ";
            string goal = $"≥ {target.Ratio:0.0#}x" + (target.PercentOfPeak > 0 ? $", ≥ {target.PercentOfPeak:0}%" : "");
            string netGen = $"{Time(ours)} ({Time(target.NetGen.Minimum)})";
            string peer = target.Peer is null
                // Only PyTorch runs outside this process; the line above the table says why it did not start.
                ? "not run: PyTorch, see above | | "
                : $"{target.Peer.Name} | {Time(target.Peer.Median)} ({Time(target.Peer.Minimum)}) | {target.Peer.Median / ours:F3}x";
            // Above 100%, the ratio is out of reach in this run: no kernel outruns the FMA chains in the same rounds.
            string needed = target.Peer is not null && target.Flops > 0 ? $"{target.PercentNeeded(turnsPeak):F1}%" : "";
            string allowed = target.Rest is not null ? $"{target.MostPercent(turnsPeak, productPercent):F1}%" : "";
            string met = target.Peer is null ? "not measured"
                : target.IsMet(peak) ? "yes"
                : target.IsMet(turnsPeak) ? "of turns' peak only"
                : target.IsBeyond(turnsPeak, productPercent) ? "no: needs more than its parts allow"
                : "no";
            Console.WriteLine($"| {target.Workload} | {netGen} | {percent} | {peer} | {goal} | {needed} | {allowed} | {met} |");
        }
        Console.WriteLine();
        var cells = targets.Where(t => t.Cell is not null).GroupBy(t => t.Cell).ToList();
        var others = targets.Where(t => t.Cell is null).ToList();
        var beyond = cells.Where(c => !c.Any(t => t.IsMet(peak)) && c.First().IsBeyond(turnsPeak, productPercent)).Select(c => c.Key!.ToString()).ToList();
        Console.WriteLine($"W9 and the sweep: {cells.Count(c => c.First().IsMet(peak))} of {cells.Count} cells met by Forward, "
            + $"{cells.Count(c => c.Any(t => t.IsMet(peak)))} by Forward or the frozen form; "
            + (beyond.Count == 0 ? "none of the others needs more than its parts allow." : $"{beyond.Count} need more than their parts allow: {string.Join("; ", beyond)}."));
        Console.WriteLine($"The other rows: {others.Count(t => t.IsMet(peak))} of {others.Count} met, {others.Count(t => t.IsMet(turnsPeak))} of the turns' peak"
            + (others.Any(t => t.Peer is null) ? $", {others.Count(t => t.Peer is null)} not measured." : "."));
    }

    private static string Time(double microseconds) => microseconds < 1 ? $"{microseconds * 1e3:F1} ns" : $"{microseconds:F2} us";
}
