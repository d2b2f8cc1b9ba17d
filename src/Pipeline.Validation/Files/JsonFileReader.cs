using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;
using Pipeline.Packages.Documents;
using Pipeline.Packages.Settings;
using Pipeline.Validation.Layout;

namespace Pipeline.Validation.Files;

/// <summary>
/// Reports what the read model found wrong with a JSON file's encoding and syntax: every parser
/// problem becomes a diagnostic on the file, and a file in valid UTF-8 is checked for non-ASCII.
/// An absent or unreadable file is not reported here.
/// </summary>
public static class JsonFileReader
{
    public static void Report(RevisionJsonFile document, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        if (document.File is not { Loaded: true } file) return;
        foreach (var problem in document.Problems)
        {
            diagnostics.Add(Map(problem, file.RelativePath));
        }
        if (document.Problems.All(p => p.Kind != JsonProblemKind.InvalidUtf8))
        {
            EncodingChecks.CheckAscii(file, settings, diagnostics);
        }
    }

    /// <summary>A file this reader accepts but the build's reader could not use (a nesting deeper than it reads).</summary>
    public static Diagnostic UnreadableForBuild(string path, string name) =>
        RuleCatalog.MalformedJson.At(path, $"`{name}` could not be read for the build");

    private static Diagnostic Map(JsonProblem problem, string file) => problem.Kind switch
    {
        JsonProblemKind.InvalidUtf8 => EncodingChecks.InvalidUtf8(file, problem.Position, problem.Message),
        JsonProblemKind.TooLarge => LayoutRules.TooLarge(file, problem.Position, problem.Message),
        JsonProblemKind.ByteOrderMark => RuleCatalog.ByteOrderMark.At(file, problem.Position, problem.Message),
        JsonProblemKind.DuplicateKey => RuleCatalog.DuplicateKey.At(file, problem.Position, problem.Message),
        JsonProblemKind.TooDeep => RuleCatalog.JsonTooDeep.At(file, problem.Position, problem.Message),
        _ => RuleCatalog.MalformedJson.At(file, problem.Position, problem.Message),
    };
}
