namespace Pipeline.Packages;

/// <summary>
/// Finds the repository root from a path a user gives: a universe repository root, its
/// <c>packages/</c> folder, a Universe checkout's <c>repo/</c> folder, or the checkout itself.
/// </summary>
public static class TreeLocator
{
    public const string PackagesFolder = "packages";

    /// <summary>The absolute root (the folder that holds <c>packages/</c>), or null with a reason.</summary>
    public static string? FindRoot(string path, out string? reason)
    {
        reason = null;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!Directory.Exists(full))
        {
            reason = File.Exists(full) ? $"{path} is a file, not a folder" : $"{path} does not exist";
            return null;
        }
        if (Directory.Exists(Path.Combine(full, PackagesFolder))) return full;
        if (Path.GetFileName(full) == PackagesFolder) return Path.GetDirectoryName(full)!;
        var checkout = Path.Combine(full, "repo");
        if (Directory.Exists(Path.Combine(checkout, PackagesFolder))) return checkout;
        reason = $"{path} holds no packages/ folder (give a universe repository root, its packages/ folder, or a Universe checkout's repo/ folder)";
        return null;
    }
}
