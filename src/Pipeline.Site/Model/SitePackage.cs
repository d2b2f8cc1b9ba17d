namespace Pipeline.Site.Model;

/// <summary>A package with its revisions, newest (highest release version) first.</summary>
internal sealed record SitePackage(string Name, IReadOnlyList<SiteRevision> Revisions)
{
    public SiteRevision Latest => Revisions[0];
}
