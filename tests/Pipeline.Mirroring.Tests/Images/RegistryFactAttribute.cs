using Pipeline.Testing.Registries;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>A fact that runs Debian's docker-registry on 127.0.0.1; skipped, saying so, where it is not installed.</summary>
public sealed class RegistryFactAttribute : FactAttribute
{
    public RegistryFactAttribute()
    {
        if (DistributionRegistry.Missing is { } missing) Skip = missing;
    }
}
