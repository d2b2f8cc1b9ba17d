namespace Pipeline.Build.Index;

/// <summary>The package-level fields of the index, as one revision's package.json gives them.</summary>
internal sealed record IndexPackageFields(
    string? Description,
    IReadOnlyList<string> Tags,
    string? Maintainer,
    bool Framework,
    bool Selected);
