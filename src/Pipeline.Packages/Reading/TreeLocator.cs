namespace Pipeline.Packages.Reading;

/// <summary>
/// Finds the repository root from a path a user gives: a universe repository root, its
/// <c>packages/</c> folder, a Universe checkout's <c>repo/</c> folder, or the checkout itself.
/// </summary>
public static class TreeLocator
{
    public const string PackagesFolder = "packages";

    /// <summary>Where a Universe checkout keeps its tree.</summary>
    public const string CheckoutFolder = "repo";

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
        var checkout = Path.Combine(full, CheckoutFolder);
        if (Directory.Exists(Path.Combine(full, PackagesFolder)))
        {
            // Never a silent choice: a pull request adding one of the two would change which tree is validated.
            reason = Ambiguity(path);
            return reason is null ? full : null;
        }
        if (Path.GetFileName(full) == PackagesFolder) return Path.GetDirectoryName(full)!;
        if (Directory.Exists(Path.Combine(checkout, PackagesFolder))) return checkout;
        reason = $"{path} holds no packages/ folder (give a universe repository root, its packages/ folder, or a Universe checkout's repo/ folder)";
        return null;
    }

    /// <summary>
    /// Why <paramref name="path"/> names no single tree when it holds both <c>packages/</c> and
    /// <c>repo/packages/</c>; null otherwise.
    /// </summary>
    public static string? Ambiguity(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var packages = Path.Combine(full, PackagesFolder);
        var checkout = Path.Combine(full, CheckoutFolder, PackagesFolder);
        return Directory.Exists(packages) && Directory.Exists(checkout)
            ? $"{path} holds both {PackagesFolder}/ and {CheckoutFolder}/{PackagesFolder}/; give the one to read ({packages} or {checkout})"
            : null;
    }
}
