namespace Pipeline.Packages.Documents;

/// <summary>One entry of package.json's <c>licenses</c>.</summary>
public sealed record PackageLicense(string Name, string? Url);
