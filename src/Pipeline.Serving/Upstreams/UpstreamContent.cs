using System.Text.Json;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// What an upstream's address answered with, read once per fetched copy: our index.json (it has
/// a <c>formatVersion</c>) or a DC/OS repository (converted, <see cref="DcosUpstreamBuild"/>), the
/// package names it lists, or why it cannot be served (then the last good copy is kept).
/// </summary>
internal sealed record UpstreamContent(UpstreamKind? Kind, IReadOnlySet<string> Names, DcosUpstreamBuild? Dcos, string? Rejected)
{
    private const string Kept = "; the last good copy is kept";

    public static UpstreamContent Read(byte[] content, string upstreamName)
    {
        bool isIndex;
        try
        {
            using var document = JsonDocument.Parse(content);
            isIndex = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("formatVersion"u8, out _);
        }
        catch (JsonException e)
        {
            return Refused($"not valid JSON ({e.Message}){Kept}");
        }
        if (isIndex)
        {
            return UpstreamDocument.PackageList(content) is { } problem
                ? Refused(problem)
                : new UpstreamContent(UpstreamKind.Index, UpstreamIndex.Names(content), null, null);
        }
        var (build, rejected) = DcosUpstreamBuild.Convert(content, upstreamName);
        return build is null
            ? Refused($"neither an index.json nor a DC/OS repository: {rejected}{Kept}")
            : new UpstreamContent(UpstreamKind.Dcos, build.Names, build, null);
    }

    private static UpstreamContent Refused(string problem) => new(null, new HashSet<string>(), null, problem);
}
