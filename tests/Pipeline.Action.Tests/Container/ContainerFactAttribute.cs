namespace Pipeline.Action.Tests.Container;

/// <summary>
/// A fact that builds and runs the action's real container image: it needs rootful podman with the
/// runc runtime and debootstrap (for the stand-in base images). Skipped, saying which is missing,
/// elsewhere; .ci/run installs all three.
/// </summary>
public sealed class ContainerFactAttribute : FactAttribute
{
    public ContainerFactAttribute()
    {
        if (MissingRequirement() is { } missing) Skip = $"needs {missing} to build and run the action's container (.ci/run installs podman, runc and debootstrap)";
        else if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }

    private static string? MissingRequirement()
    {
        if (!OperatingSystem.IsLinux()) return "Linux";
        if (!Environment.IsPrivilegedProcess) return "root (rootful podman)";
        foreach (var program in new[] { "podman", "runc", "debootstrap" })
        {
            if (ContainerProcess.Find(program) is null) return $"`{program}` on PATH";
        }
        return null;
    }
}
