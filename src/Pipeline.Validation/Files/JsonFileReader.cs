using Pipeline.Diagnostics;
using Pipeline.Json.Parsing;
using Pipeline.Packages.Documents;
using Pipeline.Packages.Settings;

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

    private static Diagnostic Map(JsonProblem problem, string file)
    {
        var rule = problem.Kind switch
        {
            JsonProblemKind.InvalidUtf8 => RuleCatalog.InvalidUtf8,
            JsonProblemKind.ByteOrderMark => RuleCatalog.ByteOrderMark,
            JsonProblemKind.DuplicateKey => RuleCatalog.DuplicateKey,
            JsonProblemKind.TooDeep => RuleCatalog.JsonTooDeep,
            JsonProblemKind.TooLarge => RuleCatalog.FileTooLarge,
            _ => RuleCatalog.MalformedJson,
        };
        return rule.At(file, problem.Position, problem.Message);
    }
}
