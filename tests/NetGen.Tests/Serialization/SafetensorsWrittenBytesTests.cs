using System;
using System.IO;
using System.Text;
using NetGen.Tests.Support;
using Xunit;

namespace NetGen.Tests.Serialization;

/// <summary>
/// NetGen writes, from the same parameters, exactly the bytes of the files committed in Data/ that PyTorch reads in
/// make_safetensors_interop.py, so that PyTorch's outputs recorded from those files speak for what NetGen writes today.
/// The version in the metadata is the one thing allowed to change: the committed file's is replaced by today's before
/// comparing. With NETGEN_UPDATE_BASELINES=1 the test writes the files instead (then rerun the script).
/// </summary>
public sealed class SafetensorsWrittenBytesTests
{
    [Theory]
    [InlineData(NetGenWrittenFiles.SequentialFloat)]
    [InlineData(NetGenWrittenFiles.NamedDouble)]
    public void NetGen_writes_the_committed_bytes(string file)
    {
        byte[] written = Write(NetGenWrittenFiles.Network(file));
        string committed = RepositoryFiles.PathOf(Path.Combine("tests", "NetGen.Tests", "Data", file));
        if (Environment.GetEnvironmentVariable("NETGEN_UPDATE_BASELINES") == "1")
            File.WriteAllBytes(committed, written);
        Assert.True(File.Exists(committed), $"No {committed}: run the tests with NETGEN_UPDATE_BASELINES=1 to write it.");
        Assert.Equal(WithTodaysVersion(File.ReadAllBytes(committed)), written);
    }

    private static byte[] Write(object network)
    {
        var stream = new MemoryStream();
        switch (network)
        {
            case INetwork<float> single:
                single.SaveSafetensors(stream);
                break;
            case INetwork<double> twice:
                twice.SaveSafetensors(stream);
                break;
        }
        return stream.ToArray();
    }

    /// <summary>The file with its netgen.version set to this build's, the header padded again to a multiple of 8.</summary>
    private static byte[] WithTodaysVersion(byte[] file)
    {
        string header = RawSafetensors.Header(file).TrimEnd(' ');
        const string key = "\"netgen.version\":\"";
        int start = header.IndexOf(key, StringComparison.Ordinal) + key.Length;
        Assert.True(start >= key.Length, "The committed file has no netgen.version.");
        int end = header.IndexOf('"', start);
        string today = NetGenVersion.Value;
        header = header[..start] + today + header[end..];
        header += new string(' ', (8 - Encoding.UTF8.GetByteCount(header) % 8) % 8);
        return RawSafetensors.Build(header, RawSafetensors.Data(file));
    }
}
