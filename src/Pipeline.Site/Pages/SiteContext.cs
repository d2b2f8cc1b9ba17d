namespace Pipeline.Site.Pages;

/// <summary>What every page needs to know about the whole site.</summary>
internal sealed record SiteContext(string Title, string? Description, string? SourceCommit, int PackageCount);
