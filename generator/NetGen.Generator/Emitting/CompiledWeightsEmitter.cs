using System;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Generator.Model;
using NetGen.Generator.Weights;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the second file of a network compiled with its weights: the parameters as a static
/// <c>ReadOnlySpan&lt;T&gt;</c> over a constant array. C# compiles that to data in the assembly's image, which
/// the runtime reads in place (RuntimeHelpers.CreateSpan; on a big-endian machine, one copy): no array is
/// allocated and no initializer runs, however many values there are. The network's own file stays as small
/// as without weights; this one holds the values, a fixed number to a line.
/// </summary>
internal static class CompiledWeightsEmitter
{
    /// <summary>The member's name, unless the user's class already has a member so named.</summary>
    public static string MemberName(NetworkSpec spec)
    {
        string name = "CompiledParameters";
        while (spec.UserMemberNames.Contains(name))
            name += "_";
        return name;
    }

    public static string HintName(string networkHintName) =>
        networkHintName.Substring(0, networkHintName.Length - ".g.cs".Length) + ".Weights.g.cs";

    public static string Emit(CompiledNetworkSpec compiled)
    {
        NetworkSpec spec = compiled.Network;
        bool single = spec.Precision == PrecisionKind.Single;
        string element = single ? "float" : "double";
        return Emitter.WriteFile(spec.Type, writer =>
        {
            writer.Line($"// The parameters of '{spec.Type.Name}' from {Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(spec.Weights!, quote: true)}, in PyTorch's order (each layer's weight");
            writer.Line($"// [out, in] row-major, then its bias): {compiled.ParameterBits.Count} values, read by the constructor.");
            using (writer.Open($"partial {spec.Type.Keyword} {spec.Type.Name}"))
            {
                writer.Line(Emitter.GeneratedCodeAttribute);
                writer.Line($"private static global::System.ReadOnlySpan<{element}> {MemberName(spec)} => new {element}[]");
                writer.Line("{");
                var line = new StringBuilder();
                int inLine = 0, perLine = single ? 8 : 5;
                foreach (long bits in compiled.ParameterBits)
                {
                    double value = BitConverter.Int64BitsToDouble(bits);
                    line.Append(single ? SingleLiteral((float)value) : DoubleLiteral(value)).Append(", ");
                    if (++inLine == perLine)
                    {
                        writer.Line("    " + line.ToString().TrimEnd());
                        line.Clear();
                        inLine = 0;
                    }
                }
                if (inLine > 0)
                    writer.Line("    " + line.ToString().TrimEnd());
                writer.Line("};");
            }
        }, []);
    }

    // "R" gives the shortest text that reads back on .NET Core; on .NET Framework, where a build inside Visual
    // Studio runs the generator, it can miss for doubles, so each literal is read back and, if it differs, written
    // with the digits that always suffice (9 for float, 17 for double).
    private static string SingleLiteral(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (BitConverter.ToInt32(BitConverter.GetBytes(float.Parse(text, CultureInfo.InvariantCulture)), 0) != BitConverter.ToInt32(BitConverter.GetBytes(value), 0))
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        return text + "f";
    }

    private static string DoubleLiteral(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)) != BitConverter.DoubleToInt64Bits(value))
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        return text + "d";
    }
}
