using Pipeline.Build;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// One complete build of the local tree, as requests see it: a new one replaces the reference whole,
/// so a request never sees half of a rebuild. <see cref="Generation"/> counts the snapshots served (1 first).
/// </summary>
public sealed record TreeSnapshot(BuildResult Build, long Generation, DateTimeOffset BuiltAt, bool Validates);
