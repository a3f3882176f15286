using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>An additional file that counts how often the generator asks for its text.</summary>
internal sealed class CountingText(AdditionalText inner) : AdditionalText
{
    public int Reads { get; private set; }

    public override string Path => inner.Path;

    public override SourceText? GetText(CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.GetText(cancellationToken);
    }
}
