using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Mirror;

/// <summary>
/// Writes one package version as <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/</c>: package.json,
/// config.json, resource.json, command.json and the descriptors. The folder is filled beside its
/// place and renamed into it, so a tree never holds half a revision. Names from the repository
/// are checked before they become paths.
/// </summary>
public static partial class RevisionWriter
{
    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex NamePattern();

    /// <summary>The revision's folder relative to the tree root, '/' separated; null when the name cannot be a folder.</summary>
    public static string? RelativeFolder(string name, int revision) =>
        NamePattern().IsMatch(name) && revision >= 0
            ? $"{TreeLocator.PackagesFolder}/{char.ToUpperInvariant(name[0])}/{name}/{revision.ToString(CultureInfo.InvariantCulture)}"
            : null;

    /// <returns>Null when written, else why it was not.</returns>
    /// <param name="readme">A README.md to copy into the revision, or null.</param>
    public static string? Write(string treeRoot, int revision, PackageDefinition package, JsonObject? resource, string? readme = null)
    {
        if (RelativeFolder(package.Name, revision) is not { } relative) return $"`{package.Name}` is not a valid package name; not mirrored";
        foreach (var descriptor in package.Descriptors)
        {
            var file = descriptor.Name.FileName;
            if (file.StartsWith('.') || file.IndexOfAny(['/', '\\']) >= 0) return $"{package.Name} {package.Version}: descriptor `{file}` is not a plain file name; not mirrored";
        }
        var folder = Path.Combine(treeRoot, relative);
        var staging = folder + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        WriteJson(staging, KnownFiles.Package, package.Package);
        if (package.Config is not null) WriteJson(staging, KnownFiles.Config, package.Config);
        if (resource is not null) WriteJson(staging, KnownFiles.Resource, resource);
        if (package.Command is not null) WriteJson(staging, KnownFiles.Command, package.Command);
        foreach (var descriptor in package.Descriptors)
        {
            File.WriteAllText(Path.Combine(staging, descriptor.Name.FileName), descriptor.Template, Utf8);
        }
        if (readme is not null) File.Copy(readme, Path.Combine(staging, KnownFiles.Readme));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.Move(staging, folder);
        return null;
    }

    /// <summary>The source revision's README.md when it is a plain file of sensible size (not a link out of the tree).</summary>
    public static string? SourceReadme(string? sourceTree, string name, int revision)
    {
        if (sourceTree is null || RelativeFolder(name, revision) is not { } relative) return null;
        var file = new FileInfo(Path.Combine(sourceTree, relative, KnownFiles.Readme));
        return file.Exists && file.LinkTarget is null && file.Length <= new TreeReaderOptions().MaxFileBytes ? file.FullName : null;
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    private static void WriteJson(string folder, string name, JsonObject content) =>
        File.WriteAllBytes(Path.Combine(folder, name), PackageFileText.Json(content));
}
