using System.Globalization;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// A cheap digest of what the tree is made of — every path under <c>packages/</c>, universe.yaml and
/// the baseline, each with its size and modification time — without reading a file: comparing two
/// tells whether the tree changed (the corpus' 5,000 entries take milliseconds).
/// </summary>
internal static class TreeFingerprint
{
    public static string Of(string root)
    {
        var entries = new List<string>();
        try
        {
            foreach (var name in new[] { RepositorySettingsReader.FileName, Baseline.FileName })
            {
                var file = new FileInfo(Path.Combine(root, name));
                entries.Add(file.Exists ? Entry(name, file.Length, file.LastWriteTimeUtc) : name + " absent");
            }
            var packages = Path.Combine(root, TreeLocator.PackagesFolder);
            if (Directory.Exists(packages))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
                entries.AddRange(new FileSystemEnumerable<string>(
                    packages,
                    (ref FileSystemEntry e) => Entry(e.ToFullPath(), e.IsDirectory ? -1 : e.Length, e.LastWriteTimeUtc.UtcDateTime),
                    options)
                {
                    // The reader never follows a link out of the tree; the digest need not either (nor loop on one).
                    ShouldRecursePredicate = (ref FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0,
                });
            }
            else
            {
                entries.Add("packages absent");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The same failure gives the same digest: a tree that stays unreadable is not rebuilt every rescan.
            entries.Add("unreadable " + e.Message);
        }
        // Listing order is the file system's; sorted, the same tree always gives the same digest.
        entries.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', entries))));
    }

    private static string Entry(string path, long length, DateTime modified) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}\t{length}\t{modified.Ticks}");
}
