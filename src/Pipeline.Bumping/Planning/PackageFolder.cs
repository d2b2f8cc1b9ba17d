using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;

namespace Pipeline.Bumping.Planning;

/// <summary>
/// A package's folder in a universe (<c>packages/&lt;L&gt;/&lt;name&gt;/</c>): its revision numbers, the
/// version each revision's package.json names, and the files of the latest revision, each read
/// within the size the tree reader allows a revision file.
/// </summary>
internal sealed partial record PackageFolder(string Letter, string Directory, IReadOnlyList<(int Revision, string? Version)> Revisions)
{
    /// <summary>The largest revision file read, as the tree reader allows (<see cref="TreeReaderOptions.MaxFileBytes"/>).</summary>
    internal static readonly long MaxFileBytes = new TreeReaderOptions().MaxFileBytes;

    public int Latest => Revisions[^1].Revision;

    public static bool IsName(string name) => NamePattern().IsMatch(name);

    /// <exception cref="BumpRefusal">No such package, or it has no revision.</exception>
    public static PackageFolder Find(string root, string name)
    {
        if (!IsName(name)) throw new BumpRefusal($"`{Shown(name)}` is not a package name (lower-case letters, digits and '-', starting with a letter)");
        var letter = char.ToUpperInvariant(name[0]).ToString();
        var directory = Path.Combine(root, TreeLocator.PackagesFolder, letter, name);
        if (!System.IO.Directory.Exists(directory)) throw new BumpRefusal($"the universe has no package `{name}` (no folder packages/{letter}/{name})");
        var revisions = new List<(int, string?)>();
        foreach (var folder in System.IO.Directory.EnumerateDirectories(directory))
        {
            var text = Path.GetFileName(folder);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number.ToString(CultureInfo.InvariantCulture) != text) continue;
            revisions.Add((number, VersionIn(Path.Combine(folder, KnownFiles.Package))));
        }
        if (revisions.Count == 0) throw new BumpRefusal($"packages/{letter}/{name} holds no revision folder (0, 1, …) to bump from");
        return new PackageFolder(letter, directory, [.. revisions.OrderBy(r => r.Item1)]);
    }

    /// <summary>Every file of the latest revision by its '/' separated path in the folder, in name order.</summary>
    /// <exception cref="BumpRefusal">A file is too large, unreadable, or a link.</exception>
    public IReadOnlyList<BumpedFile> LatestFiles()
    {
        var folder = Path.Combine(Directory, Latest.ToString(CultureInfo.InvariantCulture));
        var files = new List<BumpedFile>();
        foreach (var path in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            // A link could copy a file from anywhere on the machine into a public pull request.
            if (new FileInfo(path).LinkTarget is not null) throw new BumpRefusal($"revision {Latest}'s {relative} is a symbolic link; a bump copies only regular files");
            var read = BoundedFile.Read(path, MaxFileBytes);
            if (read.Content is null) throw new BumpRefusal($"revision {Latest}'s {relative} cannot be read: {read.Problem}");
            files.Add(new BumpedFile(relative, read.Content));
        }
        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static string? VersionIn(string packageJson)
    {
        var read = BoundedFile.Read(packageJson, MaxFileBytes);
        if (read.Content is null) return null;
        try
        {
            using var document = JsonDocument.Parse(read.Content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Shown(string text)
    {
        var printable = new string([.. text.Take(80).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 80 ? printable + "…" : printable;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex NamePattern();
}
