using System.Text.Json.Serialization;
using System.Text.Json;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics;

namespace Pipeline.Action.Reports;

/// <summary>
/// What one validation of a pull request found, as the file <c>mode: validate</c> writes and
/// <c>mode: report</c> posts. It is everything the poster needs, so the posting workflow never
/// checks out the pull request's code. Format version 1; fields are only ever added (a reader
/// ignores fields it does not know, so the version only changes when a field changes meaning).
/// </summary>
/// <remarks>
/// Paths (<see cref="Diagnostics"/>, <see cref="OutsidePackages"/>) are relative to the universe
/// root, as the validator and the baseline know them; <see cref="PathPrefix"/> (added later, absent
/// in older files) says where that root is in the repository, so that the poster, which has no
/// checkout, can place annotations and links on the repository's files.
/// </remarks>
public sealed record ActionReport
{
    /// <summary>The report's lists from a validation report: new findings, accepted ones, fixed baseline entries.</summary>
    public static ActionReport Of(Pipeline.Diagnostics.Reports.ValidationReport report) => new()
    {
        Packages = report.PackageCount,
        Revisions = report.RevisionCount,
        Diagnostics = report.Diagnostics.Select(ReportedDiagnostic.From).ToArray(),
        Baseline = report.Baseline,
        Accepted = report.Accepted.Select(ReportedDiagnostic.From).ToArray(),
        Fixed = report.Fixed.Select(ReportedBaselineEntry.From).ToArray(),
    };

    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public int? PullRequest { get; init; }
    public string? HeadSha { get; init; }
    public string? BaseSha { get; init; }

    /// <summary>How the changes were found: git, file-list (GitHub's API) or whole-tree.</summary>
    public string Scope { get; init; } = "whole-tree";

    /// <summary>Notes for the reader, e.g. why the whole tree was validated.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public int Packages { get; init; }
    public int Revisions { get; init; }
    public IReadOnlyList<ReportedChange> Changes { get; init; } = [];
    public IReadOnlyList<string> OutsidePackages { get; init; } = [];
    public IReadOnlyList<ReportedDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>The universe root's folder in the repository ("repo/"), or null at the repository's top.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>The mapping to repository paths; a prefix that is not a plain relative folder is ignored.</summary>
    [JsonIgnore] public RepositoryPaths Paths => RepositoryPaths.FromPrefix(PathPrefix);

    /// <summary>The diagnostics with repository-relative paths: what annotations and the comment show.</summary>
    public IEnumerable<ReportedDiagnostic> InRepository()
    {
        var paths = Paths;
        return Diagnostics.Select(d => d with { File = paths.ToRepository(d.File) });
    }

    /// <summary>The baseline file applied (universe-baseline.json), null when none was. With one,
    /// <see cref="Diagnostics"/> holds only new findings.</summary>
    public string? Baseline { get; init; }

    /// <summary>Findings the baseline accepts: shown, never annotated, never failing.</summary>
    public IReadOnlyList<ReportedDiagnostic> Accepted { get; init; } = [];

    /// <summary>Baseline entries whose findings are gone, for `universe baseline --prune`.</summary>
    public IReadOnlyList<ReportedBaselineEntry> Fixed { get; init; } = [];

    /// <summary>Per new revision of an existing package, what changes in its rendered descriptors for operators (added later, absent in older files).</summary>
    public IReadOnlyList<ReportedRevisionDiff> DescriptorDiffs { get; init; } = [];

    [JsonIgnore] public int Errors => Diagnostics.Count(d => d.Severity == "error");
    [JsonIgnore] public int Warnings => Diagnostics.Count(d => d.Severity == "warning");
    [JsonIgnore] public bool Valid => Errors == 0;

    public string ToJson() => JsonSerializer.Serialize(this, ActionReportJson.Default.ActionReport);

    /// <summary>Reads a report file; a file that is not one gives a message, not an exception.</summary>
    public static ActionReport? Parse(string json, out string? problem) => Parse(System.Text.Encoding.UTF8.GetBytes(json), out problem);

    /// <inheritdoc cref="Parse(string, out string?)"/>
    public static ActionReport? Parse(ReadOnlySpan<byte> utf8Json, out string? problem)
    {
        problem = null;
        try
        {
            var report = JsonSerializer.Deserialize(utf8Json, ActionReportJson.Default.ActionReport);
            if (report is null) problem = "the report file is empty (null)";
            else if (report.FormatVersion > CurrentFormatVersion) problem = $"the report file has format version {report.FormatVersion}; this version of universe reads up to {CurrentFormatVersion}";
            return problem is null ? report : null;
        }
        catch (JsonException e)
        {
            problem = $"the report file is not a universe report: {e.Message}";
            return null;
        }
    }
}

/// <summary>A baseline entry no longer found: how many of its findings are gone.</summary>
public sealed record ReportedBaselineEntry(string Code, string File, string Fingerprint, int Count)
{
    public static ReportedBaselineEntry From(Pipeline.Diagnostics.Baselines.BaselineEntry e) => new(e.Code, e.File, e.Fingerprint, e.Count);

    public Pipeline.Diagnostics.Baselines.BaselineEntry ToEntry() => new(Code, File, Fingerprint, Count);
}

/// <summary>What the pull request does to one package.</summary>
public sealed record ReportedChange(string Package, string Kind, string Description, IReadOnlyList<int> AddedRevisions, IReadOnlyList<int> ChangedRevisions, IReadOnlyList<int> RemovedRevisions);

public sealed record ReportedDiagnostic(string Code, string Severity, string? File, int Line, int Column, string Message, string? Hint)
{
    public static ReportedDiagnostic From(Diagnostic d) =>
        new(d.Code, d.Severity.ToString().ToLowerInvariant(), d.File, d.Line, d.Column, d.Message, d.Hint);

    public Diagnostic ToDiagnostic() => new(Code, SeverityOf(Severity), File, Line, Column, Message, Hint);

    /// <summary>The severity as a value (an unknown name is a note).</summary>
    [JsonIgnore] public Severity Level => SeverityOf(Severity);

    private static Severity SeverityOf(string text) => text switch
    {
        "error" => Pipeline.Diagnostics.Severity.Error,
        "warning" => Pipeline.Diagnostics.Severity.Warning,
        _ => Pipeline.Diagnostics.Severity.Note,
    };

    public string Package => Diagnostic.PackageOf(File);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActionReport))]
[JsonSerializable(typeof(IReadOnlyList<ReportedChange>))]
internal sealed partial class ActionReportJson : JsonSerializerContext;
