using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Validation.Baselines;

/// <summary>
/// universe-baseline.json in the universe root (beside universe.yaml, the folder holding
/// packages/): reading it without ever throwing on its content, and writing it deterministically
/// (entries sorted by file, code and fingerprint; two-space indentation; '\n' line ends) so a
/// change to it reads well in a diff. The format is in schema/README.md and schema/v1/baseline.json.
/// </summary>
public static class BaselineFile
{
    public const int FormatVersion = 1;

    /// <summary>
    /// Far above any real baseline (an entry is ~200 bytes; the whole Universe corpus needs a few
    /// hundred), and small enough that a hostile file is refused before it is read.
    /// </summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Counts above this are not a file's findings but a mistake (or an attempt at overflow).</summary>
    public const int MaxCount = 100_000;

    public static string PathIn(string root) => Path.Combine(root, Baseline.FileName);

    /// <summary>The baseline of the universe at <paramref name="root"/>; no file is no baseline.</summary>
    public static BaselineFileResult Read(string root) => ReadFile(PathIn(root));

    /// <summary>A baseline file at any path (`universe baseline --output`); problems still name universe-baseline.json.</summary>
    public static BaselineFileResult ReadFile(string path)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Directory.Exists(path) ? Problem("universe-baseline.json is a folder, not a file; it is ignored") : BaselineFileResult.Absent;
            // A link could make a pull request's report quote a file from outside the checkout.
            if (info.LinkTarget is not null) return Problem("universe-baseline.json is a symbolic link; it is ignored (commit the file itself)");
            var read = BoundedFile.Read(path, MaxBytes);
            if (read.Content is null) return Problem($"universe-baseline.json cannot be read: {read.Problem}; it is ignored");
            content = read.Content;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem($"universe-baseline.json cannot be read ({e.Message}); it is ignored");
        }
        return Parse(content);
    }

    /// <summary>Reads the baseline from the tree and applies it to a whole-tree report.</summary>
    public static ValidationReport Apply(ValidationReport report, string root)
    {
        var file = Read(root);
        return BaselineMatch.Apply(report, file.Baseline, file.Problems);
    }

    public static BaselineFileResult Parse(ReadOnlyMemory<byte> content)
    {
        if (content.Length > MaxBytes) return Problem(FormattableString.Invariant($"universe-baseline.json is {content.Length:N0} bytes, over the limit of {MaxBytes:N0}; it is ignored"));
        // The format is three levels deep; a deeper file is wrong, and is refused early.
        var parsed = JsonParser.Parse(content, new JsonParseOptions { MaxBytes = MaxBytes, MaxDepth = 16 });
        var problems = new List<Diagnostic>();
        foreach (var problem in parsed.Problems.Where(p => p.Kind != JsonProblemKind.ByteOrderMark))
        {
            problems.Add(At(problem.Position, parsed.Root is null ? $"{problem.Message}; the baseline is ignored" : problem.Message));
        }
        if (parsed.Root is not { } root) return new BaselineFileResult(null, problems);
        if (root.Kind != JsonKind.Object) return Unusable(problems, root, "the file must hold a JSON object with `formatVersion` and `entries`; the baseline is ignored");
        // A string, as in the other formats of schema/ (index.json, the JSON report).
        var version = root["formatVersion"];
        if (version is null) return Unusable(problems, root, "`formatVersion` is missing; the baseline is ignored");
        if (version.Kind != JsonKind.String || !int.TryParse(version.String, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return Unusable(problems, version, $"`formatVersion` must be \"{FormatVersion}\"; the baseline is ignored");
        }
        if (number > FormatVersion)
        {
            return Unusable(problems, version, $"the file has format version {version.String}, written by a newer universe; this one reads version {FormatVersion}, so the baseline is ignored");
        }
        if (root["entries"] is not { Kind: JsonKind.Array } list) return Unusable(problems, root["entries"] ?? root, "`entries` must be an array of entries; the baseline is ignored");

        var entries = new List<BaselineEntry>(list.Items.Count);
        var seen = new Dictionary<BaselineKey, int>();
        foreach (var item in list.Items)
        {
            if (BaselineEntryReader.Read(item, problems) is not { } entry) continue;
            if (seen.TryGetValue(entry.Key, out var first))
            {
                problems.Add(At(item.Position, $"the entry for {entry.Code} in {entry.File} repeats the one at line {first}; only the first counts (give one entry a count instead)"));
                continue;
            }
            seen[entry.Key] = entry.Line;
            entries.Add(entry);
        }
        return new BaselineFileResult(new Baseline(entries), problems);
    }

    /// <summary>The file's text: the same baseline always gives the same bytes.</summary>
    public static string Write(Baseline baseline)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Messages quote package content: kept readable (the file is data, never HTML).
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("formatVersion", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartArray("entries");
            foreach (var entry in baseline.Entries)
            {
                json.WriteStartObject();
                json.WriteString("file", entry.File);
                json.WriteString("code", entry.Code);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteNumber("count", entry.Count);
                if (entry.Message is { } message) json.WriteString("message", message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static Diagnostic At(SourcePosition position, string message) =>
        RuleCatalog.InvalidBaseline.At(Baseline.FileName, position, message);

    private static BaselineFileResult Problem(string message) =>
        BaselineFileResult.Unusable(RuleCatalog.InvalidBaseline.At(Baseline.FileName, message));

    private static BaselineFileResult Unusable(List<Diagnostic> problems, JsonDatum where, string message)
    {
        problems.Add(At(where.Position, message));
        return new BaselineFileResult(null, problems);
    }
}
