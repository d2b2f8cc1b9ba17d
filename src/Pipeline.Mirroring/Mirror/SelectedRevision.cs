using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>A version chosen for the mirror and the revision folder number it gets there.</summary>
public sealed record SelectedRevision(PackageSummary Package, int Revision)
{
    public string Name => Package.Name;

    public string Version => Package.Version;

    public override string ToString() => $"{Name} {Version} (revision {Revision})";
}
