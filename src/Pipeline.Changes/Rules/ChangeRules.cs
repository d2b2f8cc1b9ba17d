using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;

namespace Pipeline.Changes.Rules;

/// <summary>
/// The change rules (UNI4xx): released revisions are immutable, new revision numbers go up,
/// version strings are not reused, packages are not renamed. Judged against the base view.
/// </summary>
internal sealed class ChangeRules
{
    private readonly ChangeSet _changes;
    private readonly BaseView _base;
    private readonly HeadView _head;
    private readonly string? _allowedBy;
    private readonly List<Diagnostic> _diagnostics;

    private ChangeRules(ChangeSet changes, BaseView baseView, HeadView head, string? allowedBy, List<Diagnostic> diagnostics)
    {
        _changes = changes;
        _base = baseView;
        _head = head;
        _allowedBy = allowedBy;
        _diagnostics = diagnostics;
    }

    /// <param name="allowedBy">The allow label when the pull request carries it: UNI400–402 become warnings.</param>
    /// <returns>The package renames found, new location → old.</returns>
    public static IReadOnlyDictionary<PackageLocation, PackageLocation> Check(
        ChangeSet changes, BaseView baseView, HeadView head, string? allowedBy, List<Diagnostic> diagnostics)
    {
        var rules = new ChangeRules(changes, baseView, head, allowedBy, diagnostics);
        var renames = rules.PackageRenames();
        var renamedAway = renames.Values.ToHashSet();
        foreach (var revision in changes.Revisions)
        {
            if (renamedAway.Contains(revision.Package)) continue;
            if (baseView.Find(revision) is { } released) rules.ReleasedRevision(revision, released);
            else rules.NewRevision(revision);
        }
        return renames;
    }

    /// <summary>
    /// A package whose every revision left its folder, with files moved into a package the base
    /// does not have, is a rename. (A new revision that changes package.json's name is the other way.)
    /// </summary>
    private Dictionary<PackageLocation, PackageLocation> PackageRenames()
    {
        var renames = new Dictionary<PackageLocation, PackageLocation>();
        foreach (var old in _base.Packages.Where(p => _base.RevisionsOf(p).Count > 0 && _head.RevisionsOf(p).Count == 0))
        {
            var target = _changes.FilesOf(old)
                .Where(f => f.Status == ChangeStatus.Renamed && PackagePath.PackageOf(f.PreviousPath!) == old)
                .Select(f => PackagePath.PackageOf(f.Path))
                .OfType<PackageLocation>()
                .Where(p => p != old && _base.RevisionsOf(p).Count == 0 && _head.RevisionsOf(p).Count > 0)
                .Distinct()
                .FirstOrDefault();
            if (target == default) continue;
            renames[target] = old;
            var released = string.Join(", ", _base.RevisionsOf(old).Select(r => r.ReleaseVersion));
            _diagnostics.Add(RuleCatalog.PackageRenamed.At(target.Directory,
                $"package `{old.Name}` is renamed to `{target.Name}`: its released revisions ({released}) moved from {old.Directory} to {target.Directory}"));
        }
        return renames;
    }

    private void ReleasedRevision(RevisionLocation revision, BaseRevision released)
    {
        var files = _changes.FilesOf(revision).ToArray();
        var what = $"released revision {revision.ReleaseVersion} of `{revision.Name}`";
        var next = $"add a new revision folder {NextRevision(revision.Package)} instead";
        if (!_head.Has(revision))
        {
            var movedTo = files
                .Where(f => f.Status == ChangeStatus.Renamed && PackagePath.RevisionOf(f.PreviousPath!) == revision && PackagePath.RevisionOf(f.Path) != revision)
                .Select(f => PackagePath.RevisionOf(f.Path)?.Directory ?? f.Path)
                .Distinct()
                .ToArray();
            Immutable(movedTo.Length > 0
                ? RuleCatalog.ReleasedRevisionMoved.At(revision.Directory, $"{what} is moved to {string.Join(", ", movedTo)}", $"Move it back to {revision.Directory}; to change it, {next}.")
                : RuleCatalog.ReleasedRevisionDeleted.At(revision.Directory, $"{what} is deleted", $"Restore {revision.Directory}; to withdraw a package, ask the repository's maintainers."));
            return;
        }
        var packageJson = $"{revision.Directory}/package.json";
        if (released.HasFile("package.json") && files.Any(f => f.Path == packageJson && Arrives(f, revision)))
        {
            // The pull request created this revision, but the base branch released one with the
            // same number after the pull request branched off.
            _diagnostics.Add(RuleCatalog.RevisionNotAbove.At(packageJson,
                $"revision {revision.ReleaseVersion} of `{revision.Name}` was released on the base branch after this pull request branched off; this pull request adds another revision {revision.ReleaseVersion}",
                $"Merge or rebase on the base branch and move the new revision to folder {NextRevision(revision.Package)}."));
            return;
        }
        foreach (var file in files)
        {
            var here = PackagePath.RevisionOf(file.Path) == revision;
            var wasHere = file.PreviousPath is { } p && PackagePath.RevisionOf(p) == revision;
            var hint = $"Restore the file; to change the package, {next}.";
            switch (file.Status)
            {
                case ChangeStatus.Modified:
                    Immutable(RuleCatalog.ReleasedRevisionModified.At(file.Path, $"{Name(file.Path)} of {what} is modified", $"Revert the change and {next}."));
                    break;
                case ChangeStatus.Added:
                    Immutable(RuleCatalog.ReleasedRevisionModified.At(file.Path, $"{Name(file.Path)} is added to {what}", $"Remove the file and {next}."));
                    break;
                case ChangeStatus.Deleted:
                    Immutable(RuleCatalog.ReleasedRevisionDeleted.At(file.Path, $"{Name(file.Path)} of {what} is deleted", hint));
                    break;
                case ChangeStatus.Renamed when wasHere && here:
                    Immutable(RuleCatalog.ReleasedRevisionMoved.At(file.Path, $"{Name(file.PreviousPath!)} of {what} is renamed to {Name(file.Path)}", $"Rename it back; to change the package, {next}."));
                    break;
                case ChangeStatus.Renamed when wasHere:
                    Immutable(RuleCatalog.ReleasedRevisionMoved.At(file.Path, $"{Name(file.PreviousPath!)} of {what} is moved to {file.Path}", $"Move it back; to change the package, {next}."));
                    break;
                case ChangeStatus.Renamed:
                    Immutable(RuleCatalog.ReleasedRevisionModified.At(file.Path, $"{Name(file.Path)} is moved into {what} from {file.PreviousPath}", $"Move it out and {next}."));
                    break;
            }
        }
    }

    private void NewRevision(RevisionLocation revision)
    {
        if (_head.Find(revision) is not { } head) return;
        // A released revision moved here is reported once, as moved (UNI402), not again as new.
        if (_changes.FilesOf(revision).Any(f => f.Status == ChangeStatus.Renamed
            && PackagePath.RevisionOf(f.PreviousPath!) is { } from && from != revision && _base.Find(from) is not null)) return;
        var released = _base.RevisionsOf(revision.Package);
        var file = head.PackageJson?.RelativePath ?? revision.Directory;
        if (released.Count > 0 && revision.ReleaseVersion <= released[^1].ReleaseVersion)
        {
            var highest = released[^1].ReleaseVersion;
            _diagnostics.Add(RuleCatalog.RevisionNotAbove.At(file,
                $"new revision {revision.ReleaseVersion} of `{revision.Name}` is not above the package's existing revisions (the highest on the base branch is {highest})",
                $"Rename the folder to {revision.Package.Directory}/{highest + 1} (or any higher number: gaps are allowed)."));
        }
        if (head.PackageJson is not { Loaded: true } packageJson || JsonParser.Parse(packageJson.Content).Root is not { } root) return;
        if (root["version"] is { Kind: JsonKind.String } version
            && released.FirstOrDefault(r => r.Version == version.String) is { } sameVersion)
        {
            _diagnostics.Add(RuleCatalog.VersionReused.At(file, version.Position,
                $"version \"{version.String}\" of new revision {revision.ReleaseVersion} of `{revision.Name}` is already released as revision {sameVersion.ReleaseVersion}"));
        }
        var releasedNames = released.Select(r => r.Name).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (root["name"] is { Kind: JsonKind.String } name && releasedNames.Length > 0 && !releasedNames.Contains(name.String, StringComparer.Ordinal))
        {
            _diagnostics.Add(RuleCatalog.PackageRenamed.At(file, name.Position,
                $"new revision {revision.ReleaseVersion} names the package `{name.String}`, but its released revisions name it `{string.Join("`, `", releasedNames)}`",
                $"Keep the name `{releasedNames[0]}`; publish a renamed package as a new package folder beside it."));
        }
    }

    /// <summary>UNI400–402, as warnings that say so when the allow label is set.</summary>
    private void Immutable(Diagnostic diagnostic) =>
        _diagnostics.Add(_allowedBy is null
            ? diagnostic
            : diagnostic with { Severity = Severity.Warning, Message = $"{diagnostic.Message} (allowed by the `{_allowedBy}` label)" });

    private static bool Arrives(ChangedFile file, RevisionLocation revision) =>
        file.Status == ChangeStatus.Added
        || (file.Status == ChangeStatus.Renamed && PackagePath.RevisionOf(file.PreviousPath!) != revision);

    private int NextRevision(PackageLocation package)
    {
        var released = _base.RevisionsOf(package);
        var head = _head.RevisionsOf(package);
        return Math.Max(released.Count > 0 ? released[^1].ReleaseVersion : -1, head.Count > 0 ? head[^1] : -1) + 1;
    }

    private static string Name(string path) => $"`{path[(path.LastIndexOf('/') + 1)..]}`";
}
