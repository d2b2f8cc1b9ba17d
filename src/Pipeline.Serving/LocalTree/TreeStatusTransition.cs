namespace Pipeline.Serving.LocalTree;

/// <summary>What a new reading of the tree makes of the local source's status.</summary>
internal static class TreeStatusTransition
{
    /// <remarks>
    /// A reading that validates is served (fresh). One that does not is served only when no
    /// snapshot that validates exists (failing); otherwise the last good snapshot stays (stale).
    /// A tree that cannot be read changes no snapshot. <c>Since</c> is when the current run of
    /// problems began.
    /// </remarks>
    public static LocalTreeStatus Next(LocalTreeStatus current, TreeReading reading, DateTimeOffset now)
    {
        var generation = (current.Snapshot?.Generation ?? 0) + 1;
        if (reading.Validates)
        {
            return current with { Snapshot = new TreeSnapshot(reading.Build!, generation, now, Validates: true), State = LocalTreeState.Fresh, Problem = null, Since = null, CheckedAt = now };
        }
        var since = current.Problem is null ? now : current.Since ?? now;
        if (reading.Build is { } build && current.Snapshot is not { Validates: true })
        {
            return current with { Snapshot = new TreeSnapshot(build, generation, now, Validates: false), State = LocalTreeState.Failing, Problem = reading.Problem, Since = since, CheckedAt = now };
        }
        var state = current.Snapshot is { Validates: true } ? LocalTreeState.Stale : LocalTreeState.Failing;
        return current with { State = state, Problem = reading.Problem, Since = since, CheckedAt = now };
    }
}
