namespace NetGen.Tests.Serialization;

/// <summary>A broken file of the corpus: its bytes and a fragment the error message must hold.</summary>
public sealed record MalformedFile(string Name, byte[] Bytes, string Expected)
{
    public override string ToString() => Name;
}
