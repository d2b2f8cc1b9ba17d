using Pipeline.Testing.Containers;

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
        if (ContainerRequirements.Missing() is { } missing) Skip = $"needs {missing} to build and run the action's container (.ci/run installs podman, runc and debootstrap)";
        else if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }
}
