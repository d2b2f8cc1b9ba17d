using System.IO.Compression;

namespace Pipeline.Mirroring.CliInstall;

/// <summary>
/// Extracts a zip only when every entry stays inside the target: an entry with an absolute path,
/// a drive, or a <c>..</c> segment (zip slip) refuses the whole archive before anything is written.
/// </summary>
public static class SafeZip
{
    /// <returns>The files extracted (full paths), or null with <paramref name="problem"/> set.</returns>
    public static IReadOnlyList<string>? Extract(string archive, string target, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var root = Path.GetFullPath(target);
            var rootWithSeparator = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
            var planned = new List<(ZipArchiveEntry Entry, string Path)>();
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var segments = name.Split('/');
                if (name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || segments.Contains(".."))
                {
                    problem = $"the archive's entry `{entry.FullName}` points outside the folder it is extracted to; nothing was installed";
                    return null;
                }
                var path = Path.GetFullPath(Path.Combine(root, name));
                if (!path.StartsWith(rootWithSeparator, StringComparison.Ordinal))
                {
                    problem = $"the archive's entry `{entry.FullName}` points outside the folder it is extracted to; nothing was installed";
                    return null;
                }
                total += entry.Length;
                if (total > maxBytes)
                {
                    problem = $"the archive expands past {maxBytes:N0} bytes; nothing was installed";
                    return null;
                }
                if (!name.EndsWith('/')) planned.Add((entry, path));
            }
            foreach (var (entry, path) in planned)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path, overwrite: true);
            }
            return planned.Select(p => p.Path).ToArray();
        }
        catch (InvalidDataException e)
        {
            problem = $"not a readable zip archive: {e.Message}";
            return null;
        }
    }
}
