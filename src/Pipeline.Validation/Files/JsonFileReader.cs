using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Packages;
using Pipeline.Validation.Layout;

namespace Pipeline.Validation.Files;

/// <summary>
/// Checks a JSON file's encoding and syntax and returns its document, or null when it cannot be
/// parsed; every problem becomes a diagnostic on the file.
/// </summary>
public static class JsonFileReader
{
    public static JsonDatum? Read(RevisionFile file, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        if (!file.Loaded) return null;
        var bytes = file.Content.Span;
        var parsed = JsonParser.Parse(file.Content);
        foreach (var problem in parsed.Problems)
        {
            diagnostics.Add(Map(problem, file.RelativePath));
        }
        if (parsed.Problems.All(p => p.Kind != JsonProblemKind.InvalidUtf8))
        {
            EncodingChecks.CheckAscii(file, settings, diagnostics);
        }
        return parsed.Root;
    }

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
