using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using NetGen.Tests.Networks;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Prediction;

/// <summary>
/// A small network's one-sample path is written out once per vector width (ForwardOneIn512, 256,
/// 128), and Forward runs only the widest the machine accelerates, so the behaviour tests alone
/// reach the narrower ones only under narrower runtime settings. Here every written-out width this
/// machine accelerates runs directly, against the kernel-per-layer path (ForwardOneByLayers) of the
/// same network, on the same parameters and sample.
/// </summary>
public class OneSampleWidthTests
{
    public static TheoryData<string> DoubleNetworks => NetworkCatalog.Names(NetworkCatalog.Double);

    public static TheoryData<string> FloatNetworks => NetworkCatalog.Names(NetworkCatalog.Float);

    [Theory, MemberData(nameof(DoubleNetworks))]
    public void DoubleWidthsMatchTheKernelPath(string network) => Check(NetworkCatalog.DoubleNamed(network), 1e-12);

    [Theory, MemberData(nameof(FloatNetworks))]
    public void FloatWidthsMatchTheKernelPath(string network) => Check(NetworkCatalog.FloatNamed(network), 1e-5);

    [Fact]
    public void TheControlNetworkHasItsThreeWidthsWrittenOut()
    {
        // 16-32-32-1 in float takes two, four and eight vectors a layer: every width is within the limit.
        Assert.Equal([128, 256, 512], WrittenOutWidths(typeof(FloatControlNet)).Order());
    }

    [Fact]
    public void ASoftmaxRowWhoseLogitsLieFarApartTakesItsMaximumOnEveryWidth()
    {
        // The one-sample softmax shifts by the row's first logit; a logit 150 above it overflows e^x in
        // float, which sends the row through its maximum, read back from the row as stored.
        var net = new FloatCrossEntropyNet(3);
        var parameters = new float[FloatCrossEntropyNet.ParameterCount];
        net.ExportParameters(parameters);
        int outputs = FloatCrossEntropyNet.OutputSize, finalLayer = parameters.Length - outputs * (33 + 1);
        Array.Clear(parameters, finalLayer, outputs * (33 + 1)); // the final weights and bias
        parameters[^1] = 150f;                                   // so the logits are [0, 0, 0, 0, 150]
        net.ImportParameters(parameters);
        float[] input = [0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f, -2f];
        float[] expected = [0f, 0f, 0f, 0f, 1f];

        var output = new float[outputs];
        net.Forward(input, output);
        Assert.Equal(expected, output);
        foreach (int bits in WrittenOutWidths(typeof(FloatCrossEntropyNet)).Where(Accelerated))
            Assert.Equal(expected, Run(Method(typeof(FloatCrossEntropyNet), $"ForwardOneIn{bits}")!, net, input));
    }

    private static void Check<T>(NetworkCase<T> @case, double tolerance) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        INetwork<T> net = @case.Create(3);
        Type type = net.GetType();
        MethodInfo? byLayers = Method(type, "ForwardOneByLayers");
        if (byLayers is null)
        {
            // Too wide for the written-out path: no width methods either.
            Assert.Empty(WrittenOutWidths(type));
            return;
        }
        var data = new TestData(net.InputSize);
        T[] input = data.Normals(net.InputSize, 1.5).Select(T.CreateChecked).ToArray();
        T[] expected = Run(byLayers, net, input);
        foreach (int bits in WrittenOutWidths(type).Where(Accelerated))
        {
            T[] actual = Run(Method(type, $"ForwardOneIn{bits}")!, net, input);
            Close.Elements(actual.Select(double.CreateChecked).ToArray(), expected.Select(double.CreateChecked).ToArray(),
                tolerance, $"{@case.Name}: ForwardOneIn{bits} against ForwardOneByLayers");
        }
    }

    private static T[] Run<T>(MethodInfo method, INetwork<T> net, T[] input) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        // Poisoned, so that an output the path never writes shows.
        var output = Enumerable.Repeat(T.NaN, net.OutputSize).ToArray();
        Call<T>(method)(net, input, output);
        return output;
    }

    private delegate void ForwardOne<T>(INetwork<T> net, ReadOnlySpan<T> input, Span<T> output) where T : unmanaged, IBinaryFloatingPointIeee754<T>;

    /// <summary>
    /// A call of a one-sample path. The kernel-per-layer path takes the calling thread's inference scratch
    /// (a private nested type) as its last argument, which the network's own <c>Inference</c> property
    /// supplies, as ForwardOne does; the written-out paths keep their rows on the stack and take none.
    /// </summary>
    private static ForwardOne<T> Call<T>(MethodInfo method) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Type type = method.DeclaringType!;
        MethodInfo scratch = type.GetProperty("Inference", BindingFlags.Static | BindingFlags.NonPublic)!.GetMethod!;
        var call = new DynamicMethod(method.Name, null, [typeof(INetwork<T>), typeof(ReadOnlySpan<T>), typeof(Span<T>)], type, skipVisibility: true);
        ILGenerator il = call.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, type);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        if (method.GetParameters().Length == 3)
            il.Emit(OpCodes.Call, scratch);
        il.Emit(OpCodes.Call, method);
        il.Emit(OpCodes.Ret);
        return call.CreateDelegate<ForwardOne<T>>();
    }

    private static MethodInfo? Method(Type type, string name) => type.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic);

    private static IEnumerable<int> WrittenOutWidths(Type type) =>
        new[] { 128, 256, 512 }.Where(bits => Method(type, $"ForwardOneIn{bits}") is not null);

    private static bool Accelerated(int bits) => bits switch
    {
        512 => Vector512.IsHardwareAccelerated,
        256 => Vector256.IsHardwareAccelerated,
        _ => Vector128.IsHardwareAccelerated,
    };
}
