using System;
using NetGen.Generator.Onnx;
using Xunit;

namespace NetGen.Generator.Tests.Onnx;

/// <summary>
/// Thousands of random changes to the exported models (bytes overwritten, inserted, removed) never make the reader
/// throw, and it always gives exactly one of a model and an error, an error always saying where; a model that still
/// reads maps to a network or to one diagnostic, never to an exception.
/// </summary>
public sealed class OnnxMutationTests
{
    public const int MutationsPerModel = 5000;

    private static readonly Model.OnnxNetworkDeclaration Declaration = new(
        new Model.DeclaredTypeSpec("Net.g.cs", null, Model.EquatableArray<Model.ContainingTypeSpec>.Empty, "class", "Net", "Net"),
        "m.onnx", null, null, Model.OptimizerSpec.Default, 0, 0, Model.EquatableArray<string>.Empty, false);

    public static TheoryData<string> Models() => ExportedOnnxModels.All();

    [Theory]
    [MemberData(nameof(Models))]
    public void Random_changes_to_an_exported_model_never_make_the_reader_throw(string name)
    {
        byte[] valid = ExportedOnnxModels.Bytes(name);
        var random = new Random(15);
        int errors = 0;
        for (int trial = 0; trial < MutationsPerModel; trial++)
        {
            byte[] file = Mutate(valid, random);

            OnnxReadResult? result = null;
            Exception? thrown = Record.Exception(() => result = OnnxModelReader.Read(file));

            Assert.Null(thrown);
            Assert.True(result!.Model is null != result.Error is null, $"trial {trial} gave both or neither of a model and an error");
            // A model that still reads goes on to the mapping, which gives a network or one diagnostic, never an exception.
            if (result.Model is not null)
            {
                OnnxMappingResult? mapped = null;
                Assert.Null(Record.Exception(() => mapped = OnnxNetworkMapper.Map(Declaration, new Model.EquatableArray<OnnxFileSpec>([new OnnxFileSpec("m.onnx", NetGen.Generator.Weights.WeightsFileProblem.None, null, result.Model)]), Model.EquatableArray<string>.Empty)));
                Assert.True(mapped!.Compiled is null != mapped.Stub is null, $"trial {trial} gave both or neither of a network and a stub");
                Assert.Equal(mapped.Compiled is null ? 1 : 0, mapped.Diagnostics.Count);
            }
            if (result.Error is not null)
                Assert.Matches(@"at byte \d+|in its \d+ bytes", result.Error);
            errors += result.Error is null ? 0 : 1;
        }
        // Mutations that land in names or weights still give models, but most break the wire format somewhere.
        Assert.InRange(errors, MutationsPerModel / 10, MutationsPerModel - 1);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        byte[] file = (byte[])valid.Clone();
        for (int change = random.Next(1, 4); change > 0; change--)
        {
            int at = random.Next(file.Length);
            file = random.Next(3) switch
            {
                0 => [.. file[..at], (byte)random.Next(256), .. file[at..]],
                1 when file.Length > 1 => [.. file[..at], .. file[(at + 1)..]],
                _ => Overwritten(file, at, (byte)random.Next(256)),
            };
        }
        return file;
    }

    private static byte[] Overwritten(byte[] file, int at, byte value)
    {
        file[at] = value;
        return file;
    }
}
