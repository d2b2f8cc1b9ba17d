using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Build.Json;
using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// Parses a revision's JSON file once, and notes whether it repeats an object name anywhere, so
/// that writers resolve repeats as Universe does. Syntax errors and invalid UTF-8 become diagnostics.
/// </summary>
internal static class JsonFileParser
{
    public static ParsedJson? Parse(RevisionFile file, List<Diagnostic> diagnostics)
    {
        var content = file.Content;
        if (content.Span.StartsWith("\uFEFF"u8)) content = content[3..];
        if (!Utf8.IsValid(content.Span))
        {
            // The parser leaves string contents unchecked; Universe's reader would refuse the file.
            diagnostics.Add(RuleCatalog.InvalidUtf8.At(file.RelativePath, $"`{file.Name}` is not valid UTF-8; revision not built"));
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? -1) + 1;
            var column = line > 0 ? (int)(e.BytePositionInLine ?? 0) + 1 : 0;
            diagnostics.Add(RuleCatalog.MalformedJson.At(file.RelativePath, line, column,
                $"`{file.Name}` is not well-formed JSON ({FirstSentence(e.Message)}); revision not built"));
            return null;
        }
        return new ParsedJson(document, RepeatedNames.Anywhere(document.RootElement));
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.', ' ');
    }
}
