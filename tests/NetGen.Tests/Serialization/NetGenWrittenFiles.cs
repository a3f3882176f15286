using System;
using System.IO;
using System.Linq;
using System.Numerics;
using NetGen.Tests.Networks;

namespace NetGen.Tests.Serialization;

/// <summary>
/// The files NetGen wrote that are committed in Data/ for PyTorch to read (make_safetensors_interop.py), and the
/// parameters they were written from: short binary fractions by a formula, exact in float and double, so that the
/// same parameters come back in every run whatever NetGen's initializers do.
/// </summary>
public static class NetGenWrittenFiles
{
    public const string SequentialFloat = "netgen_sequential_f32.safetensors";

    public const string NamedDouble = "netgen_named_f64.safetensors";

    /// <summary>The <paramref name="count"/> parameters, in PyTorch's order: (i·7919 mod 2001 − 1000) / 4096.</summary>
    public static T[] Parameters<T>(int count) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        [.. Enumerable.Range(0, count).Select(i => T.CreateChecked(((long)i * 7919 % 2001 - 1000) / 4096.0))];

    /// <summary>A network of the named file, holding the formula's parameters.</summary>
    public static object Network(string file)
    {
        switch (file)
        {
            case SequentialFloat:
                var sequential = new SequentialInteropFloatNet();
                sequential.ImportParameters(Parameters<float>(SequentialInteropFloatNet.ParameterCount));
                return sequential;
            case NamedDouble:
                var named = new NamedInteropDoubleNet();
                named.ImportParameters(Parameters<double>(NamedInteropDoubleNet.ParameterCount));
                return named;
            default:
                throw new ArgumentException($"No NetGen-written file '{file}'.", nameof(file));
        }
    }

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);
}
