namespace Pipeline.Testing.Containers;

/// <summary>What building and running the action's image with podman needs on this machine.</summary>
public static class ContainerRequirements
{
    /// <summary>The first thing missing (rootful podman with runc, and debootstrap for the stand-ins), or null.</summary>
    public static string? Missing()
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
