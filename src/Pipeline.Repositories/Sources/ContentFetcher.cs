using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Fetching;

namespace Pipeline.Repositories.Sources;

/// <summary>
/// Fetches repository documents from <c>http(s)://</c> through <see cref="BoundedFetch"/> (safe
/// redirects, a deadline, a byte cap), or from <c>file://</c> URLs. Every failure becomes a <see cref="SourceUnavailableException"/>
/// naming the address.
/// </summary>
public sealed class ContentFetcher(HttpClient http, FetchLimits? limits = null)
{
    /// <summary>Repository files are metadata; anything past this is refused rather than buffered.</summary>
    public const long MaxBytes = FetchLimits.DefaultMaxBytes;

    private readonly BoundedFetch _fetch = new(http, limits);

    /// <summary>What we accept, best first: the DC/OS repository versions Cosmos asks for, then plain JSON.</summary>
    public static IReadOnlyList<string> AcceptedMediaTypes { get; } =
    [
        "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5",
        "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4",
        "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v3",
        "application/json",
    ];

    /// <summary>
    /// Universe's server picks the repository file by the <c>dcos/X.Y</c> that Cosmos puts in its
    /// User-Agent; the newest release we know gets the fullest file (every packaging version).
    /// </summary>
    public const string UserAgent = UpstreamClient.UserAgent + " dcos/2.0";

    private static readonly string AcceptHeader = string.Join(", ", AcceptedMediaTypes.Select((type, i) => i == 0 ? type : $"{type};q=0.{9 - i}"));

    public async Task<FetchedDocument> FetchAsync(Uri address, CancellationToken cancellationToken = default)
    {
        if (address.IsFile) return ReadFile(address);
        if (address.Scheme is not ("http" or "https")) throw new SourceUnavailableException($"{address}: only http, https and file addresses are supported");
        var fetched = await _fetch.GetAsync(address, Prepare, cancellationToken).ConfigureAwait(false);
        return new FetchedDocument(address, fetched.Content ?? [], fetched.MediaType);
    }

    private static void Prepare(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Accept", AcceptHeader);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    // Streamed and cut one byte past the cap that HTTP bodies have: a device such as /dev/zero
    // reports no length and never ends.
    private FetchedDocument ReadFile(Uri address)
    {
        var path = address.LocalPath;
        var read = BoundedFile.Read(path, _fetch.Limits.MaxBytes);
        return read.Content is { } content
            ? new FetchedDocument(address, content, null)
            : throw new SourceUnavailableException($"{path}: {read.Problem}");
    }
}
