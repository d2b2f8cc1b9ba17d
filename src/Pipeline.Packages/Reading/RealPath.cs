namespace Pipeline.Packages.Reading;

/// <summary>
/// Where a path really leads: every component resolved, links in the middle of the path as well
/// as the last one, as the operating system would when the file is opened. Bounded like the
/// kernel's own lookup: at most <see cref="MaxHops"/> links are followed.
/// </summary>
public static class RealPath
{
    public const int MaxHops = 40;

    /// <summary>The real path of <paramref name="path"/>, or null with <paramref name="problem"/> saying why there is none.</summary>
    public static string? Of(string path, out string? problem)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Components(full[resolved.Length..]).Reverse());
        var hops = 0;
        while (pending.TryPop(out var component))
        {
            if (component is "" or ".") continue;
            if (component == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }
            var candidate = Path.Combine(resolved, component);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = e.Message;
                return null;
            }
            if (target is null)
            {
                resolved = candidate;
                continue;
            }
            if (++hops > MaxHops)
            {
                problem = $"more than {MaxHops} links in a row";
                return null;
            }
            // An absolute target starts again from its root; a relative one from the link's folder.
            if (Path.IsPathRooted(target)) resolved = Path.GetPathRoot(target) ?? resolved;
            foreach (var part in Components(target[(Path.GetPathRoot(target)?.Length ?? 0)..]).Reverse()) pending.Push(part);
        }
        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            problem = "it does not exist";
            return null;
        }
        problem = null;
        return resolved;
    }

    private static string[] Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
