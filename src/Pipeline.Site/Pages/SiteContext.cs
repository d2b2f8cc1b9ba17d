namespace Pipeline.Site.Pages;

/// <summary>What every page needs to know about the whole site. <see cref="BaseUrl"/> ends with '/'.</summary>
internal sealed record SiteContext(string Title, string? Description, string? SourceCommit, int PackageCount, string BaseUrl, SiteRelease? Release);
