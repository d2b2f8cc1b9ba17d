using System.Net;
using System.Net.Http.Headers;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// The OCI distribution API, as far as copying images needs it: manifests and blobs read with
/// their digests checked and their sizes bounded, blobs and manifests written. Requests are
/// anonymous until a registry answers 401, then carry what <see cref="RegistryAuthenticator"/>
/// obtained; the authorization goes only to the registry's own host, never to the storage a
/// blob request is redirected to. Every failure is a <see cref="RegistryException"/>.
/// </summary>
public sealed class RegistryClient(HttpClient http, RegistryAuthenticator authenticator, RegistryLimits? limits = null, TimeProvider? time = null)
{
    private readonly RegistryLimits _limits = limits ?? new RegistryLimits();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public RegistryLimits Limits => _limits;

    /// <summary>The manifest <paramref name="reference"/> (a tag or digest) names, read whole and checked against <paramref name="expected"/> when given.</summary>
    public async Task<ManifestDocument> GetManifestAsync(RegistryEndpoint registry, string repository, string reference, ImageDigest? expected, CancellationToken cancellationToken)
    {
        var address = registry.Manifest(repository, reference);
        using var deadline = new ExchangeDeadline(_time, _limits.RequestDeadline, cancellationToken);
        var content = await CallAsync(address, cancellationToken, async () =>
        {
            using var response = await GetAsync(registry, repository, address, accept: true, deadline.Token).ConfigureAwait(false);
            Ensure(response, address);
            if (response.Content.Headers.ContentLength > _limits.MaxManifestBytes) throw TooLarge(address);
            var body = await BoundedBody.ReadAsync(response.Content, address, _limits.MaxManifestBytes, deadline.Token).ConfigureAwait(false);
            return (body, response.Content.Headers.ContentType?.MediaType, Served: response.Headers.TryGetValues("Docker-Content-Digest", out var d) ? d.FirstOrDefault() : null);
        }).ConfigureAwait(false);
        // The bytes are checked before they are read: a digest is of the bytes, whatever they say.
        var digest = ImageDigest.Of(content.body);
        if (expected is not null && digest != expected)
        {
            throw new RegistryException($"{address}: the registry sent a manifest whose digest is {digest}, not the {expected} asked for; nothing was kept");
        }
        if (expected is null && ImageDigest.Parse(content.Served) is { } served && served != digest)
        {
            throw new RegistryException($"{address}: the registry says the manifest is {served} but its content is {digest}; nothing was kept");
        }
        var manifest = ManifestDocument.Read(content.body, content.MediaType, out var problem)
            ?? throw new RegistryException($"{address}: {problem}");
        return manifest;
    }

    /// <summary>Streams the blob into <paramref name="target"/>, refusing more bytes than the descriptor declares and checking the digest at the end.</summary>
    public async Task DownloadBlobAsync(RegistryEndpoint registry, string repository, ContentDescriptor blob, Stream target, CancellationToken cancellationToken)
    {
        var address = registry.Blob(repository, blob.Digest);
        using var stall = new ExchangeDeadline(_time, _limits.StallTimeout, cancellationToken);
        await CallAsync(address, cancellationToken, async () =>
        {
            using var response = await GetAsync(registry, repository, address, accept: false, stall.Token).ConfigureAwait(false);
            Ensure(response, address);
            if (response.Content.Headers.ContentLength > blob.Size)
            {
                throw new RegistryException($"{address}: the registry announces {response.Content.Headers.ContentLength:N0} bytes for a blob declared as {blob.Size:N0}; refused");
            }
            await using var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            await BlobStream.CopyVerifiedAsync(body, target, blob, address, stall.Extend, stall.Token).ConfigureAwait(false);
            return true;
        }, stallTimeout: true).ConfigureAwait(false);
    }

    /// <summary>Whether the registry already holds the blob (HEAD).</summary>
    public async Task<bool> HasBlobAsync(RegistryEndpoint registry, string repository, ImageDigest digest, CancellationToken cancellationToken)
    {
        var address = registry.Blob(repository, digest);
        using var deadline = new ExchangeDeadline(_time, _limits.RequestDeadline, cancellationToken);
        return await CallAsync(address, cancellationToken, async () =>
        {
            using var response = await SendAsync(registry, repository, push: true, () => new HttpRequestMessage(HttpMethod.Head, address), deadline.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound) return false;
            Ensure(response, address);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Uploads a blob in one piece: POST for an upload session, PUT of the content with <c>?digest=</c>.</summary>
    public async Task UploadBlobAsync(RegistryEndpoint registry, string repository, ImageDigest digest, Func<Stream> open, long size, CancellationToken cancellationToken)
    {
        var start = registry.Uploads(repository);
        using var deadline = new ExchangeDeadline(_time, _limits.RequestDeadline + TimeSpan.FromSeconds(size / (1024 * 1024)), cancellationToken);
        await CallAsync(start, cancellationToken, async () =>
        {
            Uri location;
            using (var session = await SendAsync(registry, repository, push: true, () => new HttpRequestMessage(HttpMethod.Post, start), deadline.Token).ConfigureAwait(false))
            {
                Ensure(session, start);
                var header = session.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
                if (header is null || !Uri.TryCreate(start, header, out location!) || location.Authority != start.Authority)
                {
                    throw new RegistryException($"{start}: the registry gave no upload location on its own host");
                }
            }
            var put = new UriBuilder(location) { Query = string.Join('&', new[] { location.Query.TrimStart('?'), "digest=" + Uri.EscapeDataString(digest.ToString()) }.Where(q => q.Length > 0)) }.Uri;
            using var done = await SendAsync(registry, repository, push: true, () =>
            {
                var content = new StreamContent(open());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.ContentLength = size;
                return new HttpRequestMessage(HttpMethod.Put, put) { Content = content };
            }, deadline.Token).ConfigureAwait(false);
            Ensure(done, start);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Writes a manifest's exact bytes under <paramref name="reference"/> (its digest, or a tag).</summary>
    public async Task PutManifestAsync(RegistryEndpoint registry, string repository, string reference, string mediaType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var address = registry.Manifest(repository, reference);
        using var deadline = new ExchangeDeadline(_time, _limits.RequestDeadline, cancellationToken);
        await CallAsync(address, cancellationToken, async () =>
        {
            using var response = await SendAsync(registry, repository, push: true, () =>
            {
                var body = new ReadOnlyMemoryContent(content);
                body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return new HttpRequestMessage(HttpMethod.Put, address) { Content = body };
            }, deadline.Token).ConfigureAwait(false);
            Ensure(response, address);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>A GET that follows redirects safely, authorized only toward the registry itself; on 401 answers the challenge and tries once more.</summary>
    private async Task<HttpResponseMessage> GetAsync(RegistryEndpoint registry, string repository, Uri address, bool accept, CancellationToken cancellationToken)
    {
        var scope = Scope(repository, push: false);
        for (var attempt = 0; ; attempt++)
        {
            var authorization = authenticator.Known(registry, scope);
            var response = await SafeRedirects.SendAsync(http, address, request =>
            {
                if (accept) foreach (var type in ManifestDocument.Accepted) request.Headers.Accept.ParseAdd(type);
                if (authorization is not null && request.RequestUri?.Authority == address.Authority) request.Headers.Authorization = authorization;
            }, _limits.MaxRedirects, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            using (response) await authenticator.AnswerAsync(registry, scope, Challenge(response), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(RegistryEndpoint registry, string repository, bool push, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var scope = Scope(repository, push);
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            request.Headers.Authorization = authenticator.Known(registry, scope);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0) return response;
            using (response) await authenticator.AnswerAsync(registry, scope, Challenge(response), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one exchange, turning transport failures and the deadline into a <see cref="RegistryException"/> naming <paramref name="address"/>.</summary>
    private async Task<T> CallAsync<T>(Uri address, CancellationToken cancellationToken, Func<Task<T>> exchange, bool stallTimeout = false)
    {
        try
        {
            return await exchange().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(stallTimeout
                ? $"{address}: no data for {_limits.StallTimeout.TotalSeconds:0.#} s; given up"
                : $"{address}: no complete answer within {_limits.RequestDeadline.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SourceUnavailableException or InvalidDataException)
        {
            throw new RegistryException($"{address}: {e.Message}", e);
        }
    }

    private static string Scope(string repository, bool push) => $"repository:{repository}:{(push ? "pull,push" : "pull")}";

    private static string? Challenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("WWW-Authenticate", out var values) ? values.FirstOrDefault() : null;

    private static void Ensure(HttpResponseMessage response, Uri address)
    {
        if (response.IsSuccessStatusCode) return;
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " (authentication refused)" : "";
        throw new RegistryException($"{address}: the registry answered {(int)response.StatusCode} {response.ReasonPhrase}{hint}");
    }

    private RegistryException TooLarge(Uri address) => new($"{address}: the manifest is larger than the limit of {_limits.MaxManifestBytes:N0} bytes; refused");
}
