using System.Text;
using System.Text.Json;

namespace Pipeline.Changes.Bumps;

/// <summary>
/// The hidden line a bump pull request carries in its body, written by <c>universe bump</c> and read by
/// the pull-request check: <c>&lt;!-- universe-bump {"package":"kafka","version":"2.0.1","repository":"acme/kafka","release":"https://…"} --&gt;</c>.
/// <see cref="Repository"/> and <see cref="Release"/> are optional.
/// </summary>
public sealed record BumpMetadata(string Package, string Version, string? Repository = null, string? Release = null)
{
    public const string Marker = "<!-- universe-bump";

    /// <summary>The longest metadata line read, marker to end of line: far more than a name, a version, a repository and a URL need.</summary>
    public const int MaxLineLength = 4096;

    /// <summary>The line for a pull request's body: compact JSON, optional fields left out.</summary>
    public string ToLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("package", Package);
            json.WriteString("version", Version);
            if (Repository is not null) json.WriteString("repository", Repository);
            if (Release is not null) json.WriteString("release", Release);
            json.WriteEndObject();
        }
        // The writer escapes '<' and '>' in strings, so no value can end the comment early; a run of
        // "--" (only ever inside a string value, where the escape reads back as the same text) is
        // escaped too, for HTML parsers that end comments early.
        var text = Encoding.UTF8.GetString(buffer.ToArray()).Replace("--", "\\u002d\\u002d", StringComparison.Ordinal);
        return $"{Marker} {text} -->";
    }

    /// <summary>
    /// The first metadata line of a pull request's body. Null with no <paramref name="problem"/> when
    /// the body has none (an ordinary contribution); null with a problem when it has one that cannot be read.
    /// Never throws, and reads at most <see cref="MaxLineLength"/> characters of the body past the marker's start.
    /// </summary>
    public static BumpMetadata? Read(string? body, out string? problem)
    {
        problem = null;
        if (body is null || Find(body) is not { } at) return null;
        var end = body.IndexOfAny(['\r', '\n'], at);
        if (end < 0) end = body.Length;
        if (end - at > MaxLineLength)
        {
            problem = $"the metadata line is longer than {MaxLineLength:N0} characters";
            return null;
        }
        var utf8 = Encoding.UTF8.GetBytes(body[(at + Marker.Length)..end]);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 4 });
        JsonElement root;
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = $"its JSON is not valid ({e.Message})";
            return null;
        }
        // Reading one JSON value first means a "-->" inside a string does not end the comment.
        var rest = Encoding.UTF8.GetString(utf8, (int)reader.BytesConsumed, utf8.Length - (int)reader.BytesConsumed).TrimStart();
        if (!rest.StartsWith("-->", StringComparison.Ordinal))
        {
            problem = "the JSON object is not followed by `-->` on the same line";
            return null;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "it is not a JSON object";
            return null;
        }
        var package = Text(root, "package", required: true, ref problem);
        var version = Text(root, "version", required: true, ref problem);
        var repository = Text(root, "repository", required: false, ref problem);
        var release = Text(root, "release", required: false, ref problem);
        return problem is null ? new BumpMetadata(package!, version!, repository, release) : null;
    }

    /// <summary>The marker's first occurrence followed by whitespace or the JSON's brace (not, say, "universe-bumpy").</summary>
    private static int? Find(string body)
    {
        for (var at = body.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = body.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var next = at + Marker.Length;
            if (next < body.Length && (char.IsWhiteSpace(body[next]) || body[next] == '{')) return at;
        }
        return null;
    }

    private static string? Text(JsonElement root, string name, bool required, ref string? problem)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problem ??= $"`{name}` is missing";
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            // JSON escapes can smuggle line breaks and terminal controls into messages that quote these values.
            if (!text.Any(char.IsControl)) return text;
            problem ??= $"`{name}` holds control characters";
            return null;
        }
        problem ??= $"`{name}` must be a non-empty string";
        return null;
    }
}
