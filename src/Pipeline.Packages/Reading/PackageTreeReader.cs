using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Paths;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;

namespace Pipeline.Packages.Reading;

/// <summary>
/// Reads <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/</c> into a <see cref="PackageTree"/>.
/// Layout problems are recorded as <see cref="LayoutFinding"/>s and reading goes on; links are
/// never followed out of the tree, and files past the size limit are not read.
/// Which rule a finding breaks, and its wording, is the validation layer's (see LayoutFinding).
/// </summary>
public sealed partial class PackageTreeReader
{
    private readonly string _root;
    private readonly string _rootWithSeparator;
    private readonly TreeReaderOptions _options;
    private readonly List<LayoutFinding> _findings = [];

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
        var settings = RepositorySettingsReader.Read(reader._root, reader._findings);
        var revisions = reader.ReadPackagesFolder();
        revisions.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.ReleaseVersion.CompareTo(b.ReleaseVersion);
        });
        if (reader._options.LoadContent) reader.LoadAll(revisions);
        return new PackageTree(reader._root, settings, revisions, reader._findings);
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
                if (PortablePath.FirstProblem($"{TreeLocator.PackagesFolder}/{letter}/{name}") is { } unportable) _findings.Add(new UnportableEntryName(unportable.Path));
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
                _findings.Add(new StrayEntry(Relative(letter.FullName), letter.Name, TreeLevel.PackagesFolder));
                continue;
            }
            CheckLetterName(letter.Name);
            var packageCount = 0;
            foreach (var package in Entries(letterFolder))
            {
                if (package is not DirectoryInfo packageFolder)
                {
                    _findings.Add(new StrayEntry(Relative(package.FullName), package.Name, TreeLevel.LetterFolder));
                    continue;
                }
                packageCount++;
                if (_options.OnlyPackages is { } only && !only.Contains(package.Name)) continue;
                packages.Add((letter.Name, packageFolder));
            }
            if (packageCount == 0)
            {
                _findings.Add(new EmptyTreeFolder(Relative(letter.FullName), letter.Name, TreeLevel.LetterFolder));
            }
        }
        return ReadPackages(packages);
    }

    private static bool IsFolderName(string name) =>
        name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains(Path.DirectorySeparatorChar);

    /// <summary>The letter folder name check, the same for a listed letter folder and one chosen from changed paths.</summary>
    private void CheckLetterName(string letter)
    {
        if (LetterPattern().IsMatch(letter)) return;
        _findings.Add(new MisnamedLetterFolder($"{TreeLocator.PackagesFolder}/{letter}", letter));
    }

    /// <summary>
    /// Lists the package folders in parallel (each with a reader of its own for its diagnostics)
    /// and puts the results back in folder order, so the tree is the same whatever the timing.
    /// </summary>
    private List<PackageRevision> ReadPackages(List<(string Letter, DirectoryInfo Folder)> packages)
    {
        var results = new (List<PackageRevision> Revisions, List<LayoutFinding> Findings)[packages.Count];
        Parallel.For(0, packages.Count, i =>
        {
            var reader = new PackageTreeReader(_root, _options);
            var revisions = new List<PackageRevision>();
            reader.ReadPackage(packages[i].Letter, packages[i].Folder, revisions);
            results[i] = (revisions, reader._findings);
        });
        var all = new List<PackageRevision>();
        foreach (var (revisions, findings) in results)
        {
            all.AddRange(revisions);
            _findings.AddRange(findings);
        }
        return all;
    }

    private void ReadPackage(string letter, DirectoryInfo folder, List<PackageRevision> revisions)
    {
        var name = folder.Name;
        var relative = Relative(folder.FullName);
        if (!NamePattern().IsMatch(name))
        {
            _findings.Add(new MisnamedPackageFolder(relative, name));
        }
        else if (LetterPattern().IsMatch(letter) && char.ToUpperInvariant(name[0]) != letter[0])
        {
            _findings.Add(new MisplacedPackageFolder(relative, name, letter));
        }
        var count = 0;
        foreach (var entry in Entries(folder))
        {
            if (entry is not DirectoryInfo revisionFolder)
            {
                _findings.Add(new StrayEntry(Relative(entry.FullName), entry.Name, TreeLevel.PackageFolder));
                continue;
            }
            if (!RevisionPattern().IsMatch(entry.Name))
            {
                _findings.Add(new MisnamedRevisionFolder(Relative(entry.FullName), entry.Name, name));
                continue;
            }
            count++;
            revisions.Add(ReadRevision(name, int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture), revisionFolder));
        }
        if (count == 0)
        {
            _findings.Add(new EmptyTreeFolder(relative, name, TreeLevel.PackageFolder));
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
                _findings.Add(new UnknownRevisionEntry(relative, entry.Name, IsFolder: true));
                continue;
            }
            if (!KnownFiles.IsKnown(entry.Name))
            {
                _findings.Add(new UnknownRevisionEntry(relative, entry.Name, IsFolder: false));
                continue;
            }
            files.Add(ReadFile((FileInfo)entry, location));
        }
        files.TrimExcess();
        var revision = new PackageRevision(name, releaseVersion, location, files);
        if (revision.PackageJson is null)
        {
            _findings.Add(new RevisionWithoutPackageJson(revision.RelativeDirectory, name, releaseVersion));
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
                if (file.LoadProblem is { } problem) _findings.Add(new UnreadableEntry(file.RelativePath, problem, IsFolder: false));
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
            _findings.Add(new OversizedRevisionFile(location.RelativePath(name), name, length, _options.MaxFileBytes));
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
            _findings.Add(new UnreadableEntry(Relative(folder.FullName), e.Message, IsFolder: true));
            yield break;
        }
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            // The name alone decides; the relative path is only made for the diagnostic.
            if (PortablePath.Problem(entry.Name) is not null) _findings.Add(new UnportableEntryName(Relative(entry.FullName)));
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
            _findings.Add(new RefusedLink(relative, refusal));
            return null;
        }
        _findings.Add(new FollowedLink(relative, link.Name, link.LinkTarget));
        // Keep the link's own name and place: the tree is read as if the file were there.
        return Directory.Exists(link.FullName) ? new DirectoryInfo(link.FullName) : new FileInfo(link.FullName);
    }

    private bool LinkRefused(string relative)
    {
        var folder = new DirectoryInfo(Path.Combine(_root, relative));
        if (TreeLink.Refusal(folder, _root, folder.Name) is not { } refusal) return false;
        _findings.Add(new RefusedLink(relative, refusal));
        return true;
    }

    private string Relative(string fullPath) =>
        Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
