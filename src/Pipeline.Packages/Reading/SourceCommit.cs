namespace Pipeline.Packages.Reading;

/// <summary>
/// The Git commit a tree was read from, found by reading <c>.git</c> directly (HEAD, loose and
/// packed refs, worktree <c>gitdir:</c> files) so a build needs no git program. Null outside a
/// repository or when HEAD cannot be resolved.
/// </summary>
public static class SourceCommit
{
    public static string? Find(string root)
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(dotGit)) return FromGitDirectory(dotGit);
            if (File.Exists(dotGit))
            {
                var line = SafeRead(dotGit)?.Trim();
                if (line is null || !line.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
                var gitDir = Path.GetFullPath(line["gitdir:".Length..].Trim(), dir.FullName);
                return FromGitDirectory(gitDir);
            }
        }
        return null;
    }

    private static string? FromGitDirectory(string gitDir)
    {
        var head = SafeRead(Path.Combine(gitDir, "HEAD"))?.Trim();
        if (head is null) return null;
        if (!head.StartsWith("ref:", StringComparison.Ordinal)) return IsObjectId(head) ? head : null;
        var reference = head["ref:".Length..].Trim();
        // A linked worktree keeps shared refs in its common directory.
        var common = SafeRead(Path.Combine(gitDir, "commondir"))?.Trim() is { } c ? Path.GetFullPath(c, gitDir) : gitDir;
        foreach (var dir in new[] { gitDir, common })
        {
            var loose = SafeRead(Path.Combine(dir, reference))?.Trim();
            if (loose is not null && IsObjectId(loose)) return loose;
            var packed = SafeRead(Path.Combine(dir, "packed-refs"));
            if (packed is null) continue;
            foreach (var line in packed.Split('\n'))
            {
                var parts = line.Trim().Split(' ');
                if (parts.Length == 2 && parts[1] == reference && IsObjectId(parts[0])) return parts[0];
            }
        }
        return null;
    }

    private static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static string? SafeRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
