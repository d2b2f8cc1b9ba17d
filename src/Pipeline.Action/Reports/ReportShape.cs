using System.Globalization;
using System.Text.Json;

namespace Pipeline.Action.Reports;

/// <summary>
/// The fields of a report file (format 1) that report mode reads, checked before the report is
/// believed: each required field present with its type, each optional one of its type when there.
/// Unknown fields are fine (fields are only ever added). The first problem is returned, naming
/// the field as a JSON path (<c>diagnostics[3].code</c>); null when the shape is right. A file path
/// (<c>file</c>, <c>repositoryFile</c>) must be one of the repository (<see cref="ReportedPath"/>).
/// </summary>
internal static class ReportShape
{
    private enum Kind { String, Number, Array, Boolean }

    private static readonly (string Name, Kind Kind, bool Required)[] Root =
    [
        ("formatVersion", Kind.Number, true),
        ("headSha", Kind.String, true),
        ("packages", Kind.Number, true),
        ("revisions", Kind.Number, true),
        ("diagnostics", Kind.Array, true),
        ("pullRequest", Kind.Number, false),
        ("baseSha", Kind.String, false),
        ("scope", Kind.String, false),
        ("notes", Kind.Array, false),
        ("changes", Kind.Array, false),
        ("outsidePackages", Kind.Array, false),
        ("pathPrefix", Kind.String, false),
        ("baseline", Kind.String, false),
        ("accepted", Kind.Array, false),
        ("fixed", Kind.Array, false),
        ("descriptorDiffs", Kind.Array, false),
    ];

    private static readonly (string Name, Kind Kind, bool Required)[] Diagnostic =
    [
        ("code", Kind.String, true),
        ("severity", Kind.String, true),
        ("line", Kind.Number, true),
        ("column", Kind.Number, true),
        ("message", Kind.String, true),
        ("file", Kind.String, false),
        ("repositoryFile", Kind.String, false),
        ("hint", Kind.String, false),
    ];

    private static readonly (string Name, Kind Kind, bool Required)[] Change =
    [
        ("package", Kind.String, true),
        ("kind", Kind.String, true),
        ("description", Kind.String, true),
        ("addedRevisions", Kind.Array, true),
        ("changedRevisions", Kind.Array, true),
        ("removedRevisions", Kind.Array, true),
    ];

    private static readonly (string Name, Kind Kind, bool Required)[] FixedEntry =
    [
        ("code", Kind.String, true),
        ("file", Kind.String, true),
        ("fingerprint", Kind.String, true),
        ("count", Kind.Number, true),
    ];

    private static readonly (string Name, Kind Kind, bool Required)[] RevisionDiff =
    [
        ("package", Kind.String, true),
        ("previousRevision", Kind.Number, true),
        ("nextRevision", Kind.Number, true),
        ("descriptors", Kind.Array, true),
        ("previousVersion", Kind.String, false),
        ("nextVersion", Kind.String, false),
    ];

    private static readonly (string Name, Kind Kind, bool Required)[] DescriptorDiff =
    [
        ("name", Kind.String, true),
        ("identical", Kind.Boolean, true),
        ("diff", Kind.String, false),
        ("problem", Kind.String, false),
    ];

    public static string? Check(JsonElement root, int maxDiagnostics)
    {
        if (root.ValueKind != JsonValueKind.Object) return "the report file is not a JSON object";
        return Fields(root, "", Root)
            ?? Items(root, "diagnostics", maxDiagnostics, Diagnostic)
            ?? Items(root, "accepted", maxDiagnostics, Diagnostic)
            ?? Items(root, "changes", maxDiagnostics, Change)
            ?? Items(root, "fixed", maxDiagnostics, FixedEntry)
            ?? Items(root, "descriptorDiffs", maxDiagnostics, RevisionDiff, (item, at) => Items(item, "descriptors", maxDiagnostics, DescriptorDiff, at: at))
            ?? Strings(root, "notes")
            ?? Strings(root, "outsidePackages");
    }

    private static string? Fields(JsonElement value, string at, (string Name, Kind Kind, bool Required)[] fields)
    {
        foreach (var (name, kind, required) in fields)
        {
            var path = at.Length == 0 ? name : $"{at}.{name}";
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                if (required) return $"the report file lacks the field `{path}`";
                continue;
            }
            var ok = kind switch
            {
                Kind.String => field.ValueKind == JsonValueKind.String,
                Kind.Number => field.ValueKind == JsonValueKind.Number && field.TryGetInt64(out _),
                Kind.Boolean => field.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => field.ValueKind == JsonValueKind.Array,
            };
            if (!ok) return $"the report file's field `{path}` must be {Expected(kind)}";
            if (name is "file" or "repositoryFile" && ReportedPath.Problem(field.GetString()!) is { } problem)
            {
                return $"the report file's field `{path}` is not a file of the repository: it {problem}";
            }
        }
        return null;
    }

    private static string Expected(Kind kind) => kind switch
    {
        Kind.Array => "an array",
        Kind.Number => "a whole number",
        Kind.Boolean => "true or false",
        _ => "a string",
    };

    /// <param name="at">Where <paramref name="root"/> is, for the paths in problems ("" at the top).</param>
    /// <param name="nested">Checks an item's own lists, given the item and its path.</param>
    private static string? Items(JsonElement root, string name, int max, (string Name, Kind Kind, bool Required)[] fields,
        Func<JsonElement, string, string?>? nested = null, string at = "")
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return null;
        var path = at.Length == 0 ? name : $"{at}.{name}";
        var count = list.GetArrayLength();
        if (count > max)
        {
            return $"the report file's `{path}` holds {count.ToString(CultureInfo.InvariantCulture)} entries, more than the {max.ToString(CultureInfo.InvariantCulture)} report mode accepts";
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{path}[{index++.ToString(CultureInfo.InvariantCulture)}]";
            if (item.ValueKind != JsonValueKind.Object) return $"the report file's `{itemPath}` must be an object";
            if ((Fields(item, itemPath, fields) ?? nested?.Invoke(item, itemPath)) is { } problem) return problem;
        }
        return null;
    }

    private static string? Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return null;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return $"the report file's `{name}[{index.ToString(CultureInfo.InvariantCulture)}]` must be a string";
            index++;
        }
        return null;
    }
}
