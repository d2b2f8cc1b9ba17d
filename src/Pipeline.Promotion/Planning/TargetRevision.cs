namespace Pipeline.Promotion.Planning;

/// <summary>A revision of the package already in the target: its folder (relative, '/' separated) and package.json version.</summary>
public sealed record TargetRevision(int ReleaseVersion, string Directory, string? Version);
