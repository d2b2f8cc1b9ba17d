using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Reading;

/// <summary>
/// Reads <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/</c> into a <see cref="PackageTree"/>.
/// Layout problems become diagnostics and reading goes on; links are never followed out of the
/// tree, and files past the size limit are not read.
/// </summary>
public sealed partial class PackageTreeReader
{
    private readonly string _root;
    private readonly string _rootWithSeparator;
    private readonly TreeReaderOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];

    private PackageTreeReader(string root, TreeReaderOptions options)
    {
        _root = root;
        _rootWithSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        _options = options;
    }

    /// <summary>Reads the tree whose root <see cref="TreeLocator"/> found.</summary>
    public static PackageTree Read(string root, TreeReaderOptions? options = null)
    {
        var reader = new PackageTreeReader(Path.GetFullPath(root), options ?? new TreeReaderOptions());
        var settings = RepositorySettingsReader.Read(reader._root, reader._diagnostics);
        var revisions = reader.ReadPackagesFolder();
        revisions.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.ReleaseVersion.CompareTo(b.ReleaseVersion);
        });
        if (reader._options.LoadContent) reader.LoadAll(revisions);
        return new PackageTree(reader._root, settings, revisions, reader._diagnostics);
    }

    [GeneratedRegex("^[A-Z]$")]
    private static partial Regex LetterPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})$")]
    private static partial Regex RevisionPattern();

    private List<PackageRevision> ReadPackagesFolder()
    {
        // The folders the reader does not list itself: a link among them is followed only inside the tree.
        if (LinkRefused(TreeLocator.PackagesFolder)) return [];
        if (_options.OnlyPackageFolders is { } onlyFolders)
        {
            var chosen = new List<(string Letter, DirectoryInfo Folder)>();
            var checkedLetters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (letter, name) in onlyFolders.Distinct())
            {
                // Names come from changed paths: anything that could climb out of packages/ is ignored.
                // Other names starting with '.' are read, as the whole tree reads them, and judged below.
                if (!IsFolderName(letter) || !IsFolderName(name)) continue;
                var folder = new DirectoryInfo(Path.Combine(_root, TreeLocator.PackagesFolder, letter, name));
                if (LinkRefused($"{TreeLocator.PackagesFolder}/{letter}") || LinkRefused($"{TreeLocator.PackagesFolder}/{letter}/{name}")) continue;
                if (!folder.Exists) continue;
                // The folders are not listed here, so their names are checked here.
                if (checkedLetters.Add(letter)) CheckLetterName(letter);
                if (PortablePath.Diagnose($"{TreeLocator.PackagesFolder}/{letter}/{name}") is { } unportable) _diagnostics.Add(unportable);
                chosen.Add((letter, folder));
            }
            return ReadPackages(chosen);
        }
        var packages = new List<(string Letter, DirectoryInfo Folder)>();
        var packagesFolder = new DirectoryInfo(Path.Combine(_root, TreeLocator.PackagesFolder));
        foreach (var letter in Entries(packagesFolder))
        {
            if (letter is not DirectoryInfo letterFolder)
            {
                _diagnostics.Add(RuleCatalog.StrayFile.At(Relative(letter.FullName), $"{letter.Name} sits directly in packages/; only letter folders belong there"));
                continue;
            }
            CheckLetterName(letter.Name);
            var packageCount = 0;
            foreach (var package in Entries(letterFolder))
            {
                if (package is not DirectoryInfo packageFolder)
                {
                    _diagnostics.Add(RuleCatalog.StrayFile.At(Relative(package.FullName), $"{package.Name} sits in a letter folder; only package folders belong there"));
                    continue;
                }
                packageCount++;
                if (_options.OnlyPackages is { } only && !only.Contains(package.Name)) continue;
                packages.Add((letter.Name, packageFolder));
            }
            if (packageCount == 0)
            {
                _diagnostics.Add(RuleCatalog.EmptyFolder.At(Relative(letter.FullName), $"letter folder `{letter.Name}` holds no packages"));
            }
        }
        return ReadPackages(packages);
    }

    private static bool IsFolderName(string name) =>
        name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains(Path.DirectorySeparatorChar);

    /// <summary>UNI001, the same for a listed letter folder and one chosen from changed paths.</summary>
    private void CheckLetterName(string letter)
    {
        if (LetterPattern().IsMatch(letter)) return;
        _diagnostics.Add(RuleCatalog.BadLetterFolder.At($"{TreeLocator.PackagesFolder}/{letter}",
            $"letter folder `{letter}` must be a single upper-case letter A–Z"));
    }

    /// <summary>
    /// Lists the package folders in parallel (each with a reader of its own for its diagnostics)
    /// and puts the results back in folder order, so the tree is the same whatever the timing.
    /// </summary>
    private List<PackageRevision> ReadPackages(List<(string Letter, DirectoryInfo Folder)> packages)
    {
        var results = new (List<PackageRevision> Revisions, List<Diagnostic> Diagnostics)[packages.Count];
        Parallel.For(0, packages.Count, i =>
        {
            var reader = new PackageTreeReader(_root, _options);
            var revisions = new List<PackageRevision>();
            reader.ReadPackage(packages[i].Letter, packages[i].Folder, revisions);
            results[i] = (revisions, reader._diagnostics);
        });
        var all = new List<PackageRevision>();
        foreach (var (revisions, diagnostics) in results)
        {
            all.AddRange(revisions);
            _diagnostics.AddRange(diagnostics);
        }
        return all;
    }

    private void ReadPackage(string letter, DirectoryInfo folder, List<PackageRevision> revisions)
    {
        var name = folder.Name;
        var relative = Relative(folder.FullName);
        if (!NamePattern().IsMatch(name))
        {
            _diagnostics.Add(RuleCatalog.BadPackageFolderName.At(relative,
                $"package folder `{name}` is not a valid package name: use lower-case letters, digits and inner dashes, starting with a letter"));
        }
        else if (LetterPattern().IsMatch(letter) && char.ToUpperInvariant(name[0]) != letter[0])
        {
            _diagnostics.Add(RuleCatalog.WrongLetterFolder.At(relative,
                $"package `{name}` is in packages/{letter}/ but belongs in packages/{char.ToUpperInvariant(name[0])}/"));
        }
        var count = 0;
        foreach (var entry in Entries(folder))
        {
            if (entry is not DirectoryInfo revisionFolder)
            {
                _diagnostics.Add(RuleCatalog.StrayFile.At(Relative(entry.FullName), $"{entry.Name} sits in a package folder; only revision folders (0, 1, 2, …) belong there"));
                continue;
            }
            if (!RevisionPattern().IsMatch(entry.Name))
            {
                _diagnostics.Add(RuleCatalog.BadRevisionFolder.At(Relative(entry.FullName),
                    $"revision folder `{entry.Name}` of `{name}` must be a non-negative integer without leading zeros"));
                continue;
            }
            count++;
            revisions.Add(ReadRevision(name, int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture), revisionFolder));
        }
        if (count == 0)
        {
            _diagnostics.Add(RuleCatalog.EmptyFolder.At(relative, $"package folder `{name}` holds no revision folders"));
        }
    }

    private PackageRevision ReadRevision(string name, int releaseVersion, DirectoryInfo folder)
    {
        var files = new List<RevisionFile>();
        var location = new RevisionFolder(_root, Relative(folder.FullName));
        foreach (var entry in Entries(folder))
        {
            var relative = location.RelativePath(entry.Name);
            if (entry is DirectoryInfo)
            {
                _diagnostics.Add(RuleCatalog.UnknownRevisionFile.At(relative, $"folder `{entry.Name}` inside a revision is ignored by clients"));
                continue;
            }
            if (!KnownFiles.IsKnown(entry.Name))
            {
                _diagnostics.Add(RuleCatalog.UnknownRevisionFile.At(relative, $"`{entry.Name}` is not a revision file and is ignored by clients"));
                continue;
            }
            files.Add(ReadFile((FileInfo)entry, location));
        }
        files.TrimExcess();
        var revision = new PackageRevision(name, releaseVersion, location, files);
        if (revision.PackageJson is null)
        {
            _diagnostics.Add(RuleCatalog.MissingPackageJson.At(revision.RelativeDirectory, $"revision {releaseVersion} of `{name}` has no package.json"));
        }
        return revision;
    }

    /// <summary>Reads every deferred file, revisions in parallel: the scan found them, this fills them.</summary>
    private void LoadAll(List<PackageRevision> revisions)
    {
        var loaded = new PackageRevision[revisions.Count];
        Parallel.For(0, revisions.Count, i => loaded[i] = revisions[i].Load());
        for (var i = 0; i < loaded.Length; i++)
        {
            revisions[i] = loaded[i];
            foreach (var file in loaded[i].Files)
            {
                if (file.LoadProblem is { } problem) _diagnostics.Add(RuleCatalog.UnreadableFile.At(file.RelativePath, problem));
            }
        }
    }

    private RevisionFile ReadFile(FileInfo file, RevisionFolder location)
    {
        var name = KnownFiles.Intern(file.Name);
        // A link (one inside the tree, which Entries follows) has a length of its own: the size
        // that counts, and that is read, is its target's.
        var length = (file.Attributes & FileAttributes.ReparsePoint) == 0 ? file.Length : LinkedLength(file);
        if (length > _options.MaxFileBytes)
        {
            _diagnostics.Add(RuleCatalog.FileTooLarge.At(location.RelativePath(name), $"`{name}` is {length:N0} bytes; package files are limited to {_options.MaxFileBytes:N0} bytes"));
            return new RevisionFile(name, location, ReadOnlyMemory<byte>.Empty, Loaded: false);
        }
        // Contents are read later, all at once in parallel (LoadAll) or package by package.
        return new RevisionFile(name, location, ReadOnlyMemory<byte>.Empty, Loaded: false) { Deferred = true, ScannedLength = length };
    }

    /// <summary>The length of a link's final target; -1 (read and measured at load) when it cannot be had now.</summary>
    private static long LinkedLength(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true } target ? target.Length : -1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>
    /// The entries of a folder in ordinal name order, with links resolved: a link whose target is
    /// outside the root (or dangling) is reported and left out; one inside is reported and followed.
    /// </summary>
    private IEnumerable<FileSystemInfo> Entries(DirectoryInfo folder)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(RuleCatalog.UnreadableFile.At(Relative(folder.FullName), $"folder cannot be listed: {e.Message}"));
            yield break;
        }
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            // The name alone decides; the relative path is only made for the diagnostic.
            if (PortablePath.Problem(entry.Name) is not null && PortablePath.DiagnoseLast(Relative(entry.FullName)) is { } unportable) _diagnostics.Add(unportable);
            if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                yield return entry;
                continue;
            }
            var resolved = Resolve(entry);
            if (resolved is null) continue;
            yield return resolved;
        }
    }

    private FileSystemInfo? Resolve(FileSystemInfo link)
    {
        var relative = Relative(link.FullName);
        if (TreeLink.Refusal(link, _root, link.Name) is { } refusal)
        {
            _diagnostics.Add(RuleCatalog.SymlinkOutsideTree.At(relative, refusal));
            return null;
        }
        _diagnostics.Add(RuleCatalog.Symlink.At(relative, $"`{link.Name}` is a link to `{link.LinkTarget}`"));
        // Keep the link's own name and place: the tree is read as if the file were there.
        return Directory.Exists(link.FullName) ? new DirectoryInfo(link.FullName) : new FileInfo(link.FullName);
    }

    private bool LinkRefused(string relative)
    {
        var folder = new DirectoryInfo(Path.Combine(_root, relative));
        if (TreeLink.Refusal(folder, _root, folder.Name) is not { } refusal) return false;
        _diagnostics.Add(RuleCatalog.SymlinkOutsideTree.At(relative, refusal));
        return true;
    }

    private string Relative(string fullPath) =>
        Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
