using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json.Schema;
using Pipeline.Packages.Documents;
using Pipeline.Packages.Model;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// Upgrade safety (UNI407–UNI411): Cosmos's <c>dcos package update</c> reuses the options an
/// operator installed with, so a new revision's config.json must accept them. Each
/// <see cref="UpgradePair"/>'s schemas are compared option by option (<see cref="OptionComparison"/>)
/// and, as evidence, the previous revision's options are validated against the new schema
/// (<see cref="PreviousOptions"/>); a failure no comparison finding explains is UNI410.
/// </summary>
/// <remarks>
/// The severity policy. An upgrade path exists unless the new package.json has
/// <c>upgradesFrom</c> and it lists neither the previous version nor "*" (<see cref="UpgradePath"/>).
/// With a path: a new required option without a default (UNI409) and a previous option the new
/// schema rejects (UNI410) are errors, as every running installation fails to update; a removed or
/// renamed option (UNI407) is an error too, whether the new schema rejects the value operators
/// still hold (a closed object: the update fails) or lets it through (the update "works" and the
/// setting is silently dropped — the silent break the upgrade check exists for; of 785 removals
/// in the corpus history's 850 consecutive pairs, 202 fail the update and 583 drop the setting);
/// a narrowed option (UNI408) is an error when the previous revision's own default or placeholder
/// is rejected, else a warning (values operators chose may be refused); a changed default
/// (UNI411) is a note. Without a path every finding is a note
/// that says so. The allow label turns the errors into warnings that name it, as for UNI400–402.
/// A config.json that does not parse or load as a schema is left to the file rules.
/// </remarks>
public static class UpgradeRules
{
    /// <summary>What a finding's message says when the evidence check confirms it: updating with the previous options fails.</summary>
    public const string EvidenceWords = "updating with the previous options fails";

    /// <summary>Checks every pair, adding the findings to <paramref name="diagnostics"/>.</summary>
    /// <param name="allowedBy">The allow label when the pull request carries it: errors become warnings.</param>
    internal static void Check(IReadOnlyList<UpgradePair> pairs, string? allowedBy, List<Diagnostic> diagnostics)
    {
        foreach (var pair in pairs) diagnostics.AddRange(Compare(pair.Previous, pair.Next, allowedBy));
    }

    /// <summary>The upgrade findings of going from <paramref name="previous"/> to <paramref name="next"/> (no Git involved).</summary>
    public static IReadOnlyList<Diagnostic> Compare(PackageRevision previous, PackageRevision next, string? allowedBy = null)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        var before = RevisionDocuments.Read(previous.Load());
        var after = RevisionDocuments.Read(next.Load());
        var path = UpgradePath.Of(before.Package, after.Package, next.ReleaseVersion);
        var previousName = before.Package?.Version is { } version ? $"revision {previous.ReleaseVersion} ({version})" : $"revision {previous.ReleaseVersion}";
        var findings = Findings(before, after, previousName);
        return [.. findings.Select(f => Judge(f, path, allowedBy))];
    }

    private static List<UpgradeFinding> Findings(RevisionDocuments before, RevisionDocuments after, string previousName)
    {
        var hadConfig = before.ConfigFile.Outcome != DocumentOutcome.Absent;
        var hasConfig = after.ConfigFile.Outcome != DocumentOutcome.Absent;
        if ((hadConfig && before.Config is null) || (hasConfig && after.Config is null)) return [];
        if (!hasConfig) return hadConfig ? OptionComparison.ConfigRemoved(before.Config!, after.Revision, previousName) : [];
        var next = after.Config!;
        if (JsonSchema.Load(next).Schema is not { } nextSchema) return [];
        JsonSchema? previousSchema = null;
        if (before.Config is { } previous && (previousSchema = JsonSchema.Load(previous).Schema) is null) return [];
        var file = after.Revision.ConfigJson!.RelativePath;
        var comparison = new OptionComparison(file, previousName);
        if (before.Options is { } previousOptions) comparison.Compare(previousOptions, after.Options!);
        var evidence = PreviousOptions.Check(before.Config, previousSchema, next, nextSchema);
        comparison.NewlyRequired(after.Options!, evidence.Options);
        var findings = comparison.Findings.ToList();
        foreach (var failure in evidence.Failures)
        {
            var option = evidence.OptionOf(failure);
            var explained = Explaining(findings, option);
            if (explained >= 0)
            {
                if (findings[explained].Rejection is null) findings[explained] = findings[explained] with { Rejection = failure.Message };
                continue;
            }
            var at = next.Resolve(failure.SchemaPointer)?.Position ?? next.Position;
            findings.Add(new UpgradeFinding(RuleCatalog.PreviousOptionsRejected, option, file, at,
                $"the options of {previousName} are rejected by the new schema at `{Pointer(failure.InstancePointer)}`: {failure.Message}"));
        }
        // The option trees stop reading past their own bound too, leaving options open: say so as well.
        if (comparison.Truncated || before.Options?.Truncated == true || after.Options?.Truncated == true)
        {
            findings.Add(new UpgradeFinding(RuleCatalog.PreviousOptionsRejected, "", file, next.Position,
                $"the options schema is too large or too deep to compare with {previousName} in full (more than {OptionComparison.MaxOptions} options or {OptionTree.MaxDepth} levels); options past that were not compared")
                { Incomplete = true });
        }
        return findings;
    }

    /// <summary>
    /// The finding that explains a failure at <paramref name="option"/>: the most specific one
    /// covering it (a removed <c>service.user</c> rather than <c>service</c> turned closed); -1 for none.
    /// </summary>
    private static int Explaining(List<UpgradeFinding> findings, string option)
    {
        var best = -1;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Rule.Code == RuleCatalog.DefaultChanged.Code || !finding.Covers(option)) continue;
            if (best < 0 || finding.Option.Length > findings[best].Option.Length) best = i;
        }
        return best;
    }

    /// <summary>The severity policy (see the remarks above) applied to one finding.</summary>
    private static Diagnostic Judge(UpgradeFinding finding, UpgradePath path, string? allowedBy)
    {
        var rule = finding.Rule;
        var narrowed = rule.Code == RuleCatalog.OptionNarrowed.Code;
        var severity = narrowed
            ? finding.Rejection is null ? Severity.Warning : Severity.Error
            : rule.Severity;
        var message = finding.Rejection is not { } rejection ? finding.Message
            : narrowed ? $"{finding.Message}; the previous revision's own value is rejected: {rejection}"
            : $"{finding.Message}; {EvidenceWords}: {rejection}";
        // The bound finding says what was not checked; it is no break in itself.
        if (finding.Incomplete) severity = Severity.Warning;
        if (!path.Declared)
        {
            severity = Severity.Note;
            message = $"{message} ({path.Reason})";
        }
        else if (severity == Severity.Error && allowedBy is not null)
        {
            severity = Severity.Warning;
            message = $"{message} (allowed by the `{allowedBy}` label)";
        }
        return rule.At(finding.File, finding.Position, message) with { Severity = severity };
    }

    private static string Pointer(string pointer) => pointer.Length == 0 ? "/" : pointer;
}
