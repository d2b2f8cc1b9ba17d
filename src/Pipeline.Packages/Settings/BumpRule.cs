namespace Pipeline.Packages.Settings;

/// <summary>
/// One entry of <c>policies.bump</c>: the packages it covers (names, or globs where <c>*</c> matches
/// any run of characters), the framework repositories (<c>owner/name</c>) whose releases may bump
/// them, and optionally the pull-request authors (logins) who may open those bumps.
/// </summary>
public sealed record BumpRule(IReadOnlyList<string> Packages, IReadOnlyList<string> Repositories, IReadOnlyList<string> Authors)
{
    /// <summary>The line of the entry in universe.yaml (1-based; 0 when not read from a file), for messages.</summary>
    public int Line { get; init; }
}
