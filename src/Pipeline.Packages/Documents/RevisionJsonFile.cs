using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Packages.Model;

namespace Pipeline.Packages.Documents;

/// <summary>
/// One JSON file of a revision read with Pipeline.Json's parser (positions kept for diagnostics),
/// parsed once. Never throws: a missing, unreadable or malformed file is an <see cref="Outcome"/>.
/// </summary>
public sealed class RevisionJsonFile
{
    private static readonly RevisionJsonFile s_absent = new(null, DocumentOutcome.Absent, null, []);

    private RevisionJsonFile(RevisionFile? file, DocumentOutcome outcome, JsonDatum? root, IReadOnlyList<JsonProblem> problems)
    {
        File = file;
        Outcome = outcome;
        Root = root;
        Problems = problems;
    }

    /// <summary>The file read, null when <see cref="DocumentOutcome.Absent"/>.</summary>
    public RevisionFile? File { get; }

    public DocumentOutcome Outcome { get; }

    /// <summary>The document's root, of any kind, when <see cref="DocumentOutcome.Parsed"/>.</summary>
    public JsonDatum? Root { get; }

    /// <summary>What the parser found wrong, with positions; empty for an absent or unreadable file.</summary>
    public IReadOnlyList<JsonProblem> Problems { get; }

    /// <summary>Why an unreadable file could not be read, when the reader said.</summary>
    public string? LoadProblem => Outcome == DocumentOutcome.Unreadable ? File?.LoadProblem : null;

    /// <summary>The root when it is an object, else null.</summary>
    public JsonDatum? Object => Root is { Kind: JsonKind.Object } root ? root : null;

    public static RevisionJsonFile Read(RevisionFile? file)
    {
        if (file is null) return s_absent;
        if (!file.Loaded) return new RevisionJsonFile(file, DocumentOutcome.Unreadable, null, []);
        var parsed = JsonParser.Parse(file.Content);
        return new RevisionJsonFile(file, parsed.Root is null ? DocumentOutcome.Malformed : DocumentOutcome.Parsed, parsed.Root, parsed.Problems);
    }
}
