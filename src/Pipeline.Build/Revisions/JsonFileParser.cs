using System.Text.Json;
using System.Text.Unicode;
using Pipeline.Build.Json;
using Pipeline.Packages.Model;

namespace Pipeline.Build.Revisions;

/// <summary>
/// Parses a revision's JSON file once, and notes whether it repeats an object name anywhere, so
/// that writers resolve repeats as Universe does. A file that is not UTF-8 or not JSON gives null;
/// validation says what is wrong with it.
/// </summary>
internal static class JsonFileParser
{
    public static ParsedJson? Parse(RevisionFile file)
    {
        var content = file.Content;
        if (content.Span.StartsWith("\uFEFF"u8)) content = content[3..];
        // The parser leaves string contents unchecked; Universe's reader would refuse the file.
        if (!Utf8.IsValid(content.Span)) return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
        return new ParsedJson(document, RepeatedNames.Anywhere(document.RootElement));
    }
}
