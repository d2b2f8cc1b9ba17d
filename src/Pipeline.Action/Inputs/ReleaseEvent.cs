using System.Text.Json;

namespace Pipeline.Action.Inputs;

/// <summary>
/// What bump mode takes from a <c>release</c> event's payload: the tag (the version, without a
/// leading "v") and the release page (linked from the pull request). Reading never throws: a
/// payload without a release gives nulls.
/// </summary>
public sealed record ReleaseEvent(string? TagName, string? HtmlUrl)
{
    /// <summary>Event payloads are small; a larger file is not one GitHub wrote.</summary>
    private const long MaxBytes = 8L * 1024 * 1024;

    public static ReleaseEvent Read(string? path)
    {
        if (path is null) return new ReleaseEvent(null, null);
        var read = Packages.Reading.BoundedFile.Read(path, MaxBytes);
        if (read.Content is null) return new ReleaseEvent(null, null);
        try
        {
            using var document = JsonDocument.Parse(read.Content);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("release", out var release) || release.ValueKind != JsonValueKind.Object)
            {
                return new ReleaseEvent(null, null);
            }
            return new ReleaseEvent(Text(release, "tag_name"), Text(release, "html_url"));
        }
        catch (JsonException)
        {
            return new ReleaseEvent(null, null);
        }
    }

    /// <summary>
    /// The version a tag names: "v2.0.1" and "2.0.1" both give 2.0.1. A tag that does not start
    /// with a digit after an optional "v" ("kafka-2.0.1", "release-7", a monorepo's tags) names no
    /// version: the bump then asks for the `version` input rather than bump to "kafka-2.0.1".
    /// </summary>
    public string? Version => TagName switch
    {
        { Length: > 1 } tag when tag[0] is 'v' or 'V' && char.IsAsciiDigit(tag[1]) => tag[1..],
        { Length: > 0 } tag when char.IsAsciiDigit(tag[0]) => tag,
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
