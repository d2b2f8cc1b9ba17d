using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Bumping.GitHub;

/// <summary>
/// The hidden line a bump's pull request carries for the pull-request check (<c>policies.bump</c>):
/// <c>&lt;!-- universe-bump {"package":…,"version":…,"repository":…,"release":…} --&gt;</c>, compact
/// JSON, "repository" and "release" only when known. No value can end the comment early: the
/// encoder writes <c>&lt;</c>, <c>&gt;</c> and every non-ASCII character as <c>\uXXXX</c>, and a
/// run of "--" is written <c>\u002d\u002d</c>; JSON escapes line breaks.
/// </summary>
public static class BumpMetadata
{
    public const string Marker = "universe-bump";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    public static string Line(BumpPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("package", plan.Name);
            json.WriteString("version", plan.Version);
            if (plan.SourceRepository is { } repository) json.WriteString("repository", repository);
            if (plan.ReleaseUrl is { } release) json.WriteString("release", release);
            json.WriteEndObject();
        }
        // "--" can only be inside a string value, where the escape reads back as the same text.
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("--", "\\u002d\\u002d", StringComparison.Ordinal);
        return $"<!-- {Marker} {text} -->";
    }
}
