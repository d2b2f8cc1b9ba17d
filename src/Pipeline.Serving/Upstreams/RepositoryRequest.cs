using Pipeline.Build.Dcos;
using Pipeline.Repositories.Sources;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// How an upstream's address is asked for, as Cosmos asks a repository: Accept names the DC/OS
/// repository versions best first (then plain JSON, which our index.json is), and the User-Agent
/// names the newest DC/OS release served, so a Universe server's <c>/repo</c> answers with its
/// fullest file (a static file server ignores both).
/// </summary>
internal static class RepositoryRequest
{
    public static string Accept { get; } =
        string.Join(", ", ContentFetcher.AcceptedMediaTypes.Select((type, i) => i == 0 ? type : $"{type};q=0.{9 - i}"));

    public static string UserAgent { get; } = $"universe-serve dcos/{DcosRepositoryFormat.Releases[^1].Version}";

    public static void Prepare(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }
}
