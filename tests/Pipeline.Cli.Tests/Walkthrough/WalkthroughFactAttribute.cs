using Pipeline.Testing;
using Pipeline.Testing.Registries;

namespace Pipeline.Cli.Tests.Walkthrough;

/// <summary>A fact that needs the Universe corpus (the public universe) and Debian's docker-registry; skipped, saying which is missing.</summary>
public sealed class WalkthroughFactAttribute : FactAttribute
{
    public WalkthroughFactAttribute()
    {
        if ((SharedCorpus.MissingReason ?? DistributionRegistry.Missing) is { } missing) Skip = missing;
    }
}
