using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Rules;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Changes.Bumps;

/// <summary>
/// UNI412: a pull request whose body carries bump metadata is a bump, and must be exactly what it
/// says (one new revision of the named package, with the named version, nothing else under
/// packages/ and no change to universe.yaml) and be allowed by the base branch's policies.bump.
/// A pull request without metadata is an ordinary contribution: the policy does not apply.
/// </summary>
internal sealed class BumpCheck
{
    private const int NamesShown = 5;

    private readonly ChangeSet _changes;
    private readonly BaseView _base;
    private readonly HeadView _head;
    private readonly List<Diagnostic> _diagnostics;
    private readonly (string? File, SourcePosition Position) _where;

    private BumpCheck(ChangeSet changes, BaseView baseView, HeadView head, List<Diagnostic> diagnostics, (string?, SourcePosition) where)
    {
        _changes = changes;
        _base = baseView;
        _head = head;
        _diagnostics = diagnostics;
        _where = where;
    }

    /// <param name="headSettings">The head checkout's settings: the policy only when the base's is not known.</param>
    /// <returns>The bump and the decision, or null for an ordinary pull request or metadata that cannot be read (then reported).</returns>
    public static PullRequestBump? Check(PullRequestOrigin? origin, ChangeSet changes, BaseView baseView, HeadView head,
        RepositorySettings headSettings, List<Diagnostic> diagnostics)
    {
        var metadata = BumpMetadata.Read(origin?.Body, out var problem);
        if (metadata is null && problem is null) return null;
        var (settings, source, unreadable) = Policy(baseView, headSettings);
        var check = new BumpCheck(changes, baseView, head, diagnostics, Where(metadata?.Package, changes, baseView, head, settings.Policies));
        if (metadata is null)
        {
            check.Refuse($"the pull request's body has bump metadata (`{BumpMetadata.Marker} {{...}} -->`) that cannot be read: {problem}");
            return null;
        }
        var mismatch = check.Mismatch(metadata);
        // Null would mean "no pull request yet" to Decide, which then does not ask for authors: here an
        // author the event does not name is one no entry lists.
        var decision = unreadable is not null
            ? new BumpDecision(false, $"policies.bump could not be read from {source} ({unreadable}), and a policy that cannot be read allows no bump")
            : BumpPolicy.Decide(settings.Policies, metadata.Package, metadata.Repository, origin!.Author ?? "an author the event does not name");
        if (mismatch is null && !decision.Allowed) check.Refuse($"the bump of `{metadata.Package}` {metadata.Version} is not allowed: {decision.Reason}");
        var allowed = mismatch is null && decision.Allowed;
        return new PullRequestBump(metadata, origin!.Author, allowed, mismatch ?? decision.Reason, source);
    }

    /// <summary>Whether the change is the bump the metadata describes; each way it is not is reported, the first is returned.</summary>
    private string? Mismatch(BumpMetadata metadata)
    {
        var first = (string?)null;
        void Report(string message)
        {
            first ??= message;
            Refuse(message);
        }
        if (_changes.OutsidePackages.Any(f => f.Paths().Contains(RepositorySettingsReader.FileName)))
        {
            Report($"a bump pull request changes {RepositorySettingsReader.FileName}, whose policies.bump would then decide its own permission; change the settings in a pull request of their own");
        }
        var others = _changes.Packages.Where(p => p.Name != metadata.Package).Select(p => $"`{p.Name}`").Distinct().ToArray();
        if (others.Length > 0)
        {
            Report($"the bump metadata names `{metadata.Package}`, but the pull request also changes {Shown(others)}");
        }
        var touched = _changes.Revisions.Where(r => r.Package.Name == metadata.Package).Distinct().ToArray();
        var added = touched.Where(r => _base.Find(r) is null && _head.Has(r)).ToArray();
        var package = touched.Select(r => r.Package).FirstOrDefault();
        if (touched.Length == 0)
        {
            Report($"the bump metadata names `{metadata.Package}`, but the pull request adds no revision of it");
        }
        else if (_base.RevisionsOf(package).Count == 0)
        {
            Report($"`{metadata.Package}` is a new package; a bump adds the next revision of a package the base branch has");
        }
        else if (added.Length != 1 || touched.Length != 1)
        {
            var released = touched.Except(added).Select(r => r.ReleaseVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Report($"a bump adds exactly one new revision of `{metadata.Package}`; this pull request adds {added.Length}"
                + (released.Length > 0 ? $" and changes or removes revisions {Shown(released)}" : ""));
        }
        else if (VersionOf(_head, added[0])?.Version is var version && version != metadata.Version)
        {
            Report($"new revision {added[0].ReleaseVersion} of `{metadata.Package}` has version {(version is null ? "none" : $"\"{version}\"")}, but the bump metadata names \"{metadata.Version}\"");
        }
        return first;
    }

    private void Refuse(string message) =>
        _diagnostics.Add(RuleCatalog.BumpNotAllowed.At(_where.File, _where.Position.Line, _where.Position.Column, message));

    /// <summary>The version in a head revision's package.json, and where it is written.</summary>
    private static (string? Version, SourcePosition Position)? VersionOf(HeadView head, RevisionLocation revision)
    {
        if (head.Find(revision)?.PackageJson is not { Loaded: true } packageJson || JsonParser.Parse(packageJson.Content).Root is not { } root) return null;
        return root["version"] is { Kind: JsonKind.String } version ? (version.String, version.Position) : (null, default);
    }

    /// <summary>
    /// Where UNI412 sits: the new revision's package.json at its `version` (of the named package, or
    /// the pull request's only new revision), else universe.yaml's policies.bump, else nowhere.
    /// </summary>
    private static (string?, SourcePosition) Where(string? package, ChangeSet changes, BaseView baseView, HeadView head, PolicySettings policies)
    {
        var added = changes.Revisions.Where(r => baseView.Find(r) is null && head.Has(r)).Distinct().ToArray();
        var named = added.Where(r => r.Name == package).ToArray();
        var revision = named.Length == 1 ? named[0] : added.Length == 1 ? added[0] : (RevisionLocation?)null;
        if (revision is { } r && head.Find(r)?.PackageJson is { } packageJson)
        {
            return (packageJson.RelativePath, VersionOf(head, r)?.Position is { Line: > 0 } position ? position : default);
        }
        return policies.BumpLine > 0 ? (RepositorySettingsReader.FileName, new SourcePosition(policies.BumpLine, 1)) : (null, default);
    }

    /// <summary>
    /// policies.bump from the base branch when it is known, the head's otherwise, and which one it
    /// was; with why it could not be read, when it could not (a policy that cannot be read must not
    /// fall back to the defaults, which allow every bump).
    /// </summary>
    private static (RepositorySettings Settings, string Source, string? Unreadable) Policy(BaseView baseView, RepositorySettings head)
    {
        switch (baseView.Settings.Kind)
        {
            case SettingsOnBaseKind.Read:
                // The base's other problems are not the pull request's: they are reported where the base is validated.
                var findings = new List<LayoutFinding>();
                var settings = RepositorySettingsReader.Parse(baseView.Settings.Text!, new RepositorySettings(), findings);
                var broken = findings.OfType<SettingsProblem>().FirstOrDefault(f => f.Kind is SettingsProblemKind.InvalidYaml or SettingsProblemKind.TooDeep);
                var source = $"the base branch's {RepositorySettingsReader.FileName}";
                return (settings, source, broken is null ? null : $"line {broken.Line}: not valid YAML");
            case SettingsOnBaseKind.Absent:
                return (new RepositorySettings(), $"the base branch, which has no {RepositorySettingsReader.FileName}", null);
            case SettingsOnBaseKind.SameAsHead:
                // The head's copy is the base's; its problems are reported on universe.yaml in this pull request.
                return (head, $"{RepositorySettingsReader.FileName}, which the pull request leaves as the base branch has it", null);
            default:
                return (head, $"the base branch's {RepositorySettingsReader.FileName}",
                    "it is not at hand: a link, larger than the settings reader reads, or changed by this pull request in a shallow clone");
        }
    }

    private static string Shown(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : "");
}
