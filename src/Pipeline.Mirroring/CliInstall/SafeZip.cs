using System.Buffers;
using System.IO.Compression;

namespace Pipeline.Mirroring.CliInstall;

/// <summary>
/// Takes one declared file out of a zip, and only when the whole archive is sound: an entry with
/// an absolute path, a drive, or a <c>..</c> segment (zip slip) refuses the archive. The file must
/// be the one entry named as declared; its extracted bytes must be the size the entry declares
/// and match its CRC-32, so an archive that lies about a size is refused, never truncated.
/// </summary>
public static class SafeZip
{
    /// <param name="name">The declared binary's plain file name, found at the archive's root or in a folder.</param>
    /// <returns>The extracted file's full path (in <paramref name="target"/>), or null with <paramref name="problem"/> set.</returns>
    public static string? ExtractFile(string archive, string name, string target, long maxBytes, out string? problem)
    {
        problem = null;
        try
        {
            using var zip = ZipFile.OpenRead(archive);
            var matches = new List<ZipArchiveEntry>();
            foreach (var entry in zip.Entries)
            {
                var entryName = entry.FullName.Replace('\\', '/');
                if (entryName.StartsWith('/') || entryName.Contains(':', StringComparison.Ordinal) || entryName.Split('/').Contains(".."))
                {
                    problem = $"the archive's entry `{entry.FullName}` points outside the folder it is extracted to; nothing was installed";
                    return null;
                }
                if (entryName.Split('/')[^1] == name) matches.Add(entry);
            }
            if (matches.Count != 1)
            {
                problem = matches.Count == 0
                    ? $"the archive holds no `{name}`; nothing was installed"
                    : $"the archive holds {matches.Count} files named `{name}`; nothing was installed";
                return null;
            }
            var path = Path.Combine(Directory.CreateDirectory(target).FullName, name);
            problem = Copy(matches[0], path, maxBytes);
            return problem is null ? path : null;
        }
        catch (InvalidDataException e)
        {
            problem = $"not a readable zip archive: {e.Message}; nothing was installed";
            return null;
        }
    }

    private static string? Copy(ZipArchiveEntry entry, string path, long maxBytes)
    {
        if (entry.Length > maxBytes) return $"the archive's `{entry.FullName}` declares {entry.Length:N0} bytes, over the limit of {maxBytes:N0}; nothing was installed";
        var crc = new Crc32();
        long written = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            using var input = entry.Open();
            using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                written += read;
                if (written > entry.Length || written > maxBytes) break;
                crc.Append(buffer.AsSpan(0, read));
                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (written != entry.Length || crc.Value != entry.Crc32)
        {
            File.Delete(path);
            return $"the archive's `{entry.FullName}` declares {entry.Length:N0} bytes but holds {(written > entry.Length ? "more" : written < entry.Length ? $"{written:N0}" : "other bytes (CRC-32 mismatch)")}; nothing was installed";
        }
        return null;
    }
}
