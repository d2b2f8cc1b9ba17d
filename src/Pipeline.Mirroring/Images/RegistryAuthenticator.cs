using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;
using JsonParser = Pipeline.Json.Parsing.JsonParser;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// Answers a registry's <c>WWW-Authenticate</c> challenge: Bearer by asking its token endpoint
/// (with the configured user and password when there are some), Basic with them. Authorizations
/// are kept per registry and scope for the run. No token or password ever goes into a message.
/// </summary>
public sealed class RegistryAuthenticator(HttpClient http, RegistryCredentials credentials, RegistryLimits limits)
{
    private readonly ConcurrentDictionary<(string Host, string Scope), AuthenticationHeaderValue> _granted = new();

    /// <summary>What was granted before for this registry and scope, or null (try anonymously).</summary>
    public AuthenticationHeaderValue? Known(RegistryEndpoint registry, string scope) => _granted.GetValueOrDefault((registry.Host, scope));

    /// <summary>An authorization answering <paramref name="challengeHeader"/>.</summary>
    /// <exception cref="RegistryException">The challenge cannot be answered.</exception>
    public async Task<AuthenticationHeaderValue> AnswerAsync(RegistryEndpoint registry, string scope, string? challengeHeader, CancellationToken cancellationToken)
    {
        var challenge = AuthChallenge.Parse(challengeHeader)
            ?? throw new RegistryException($"registry {registry.Host}: asked for authentication (401) without a usable WWW-Authenticate challenge");
        var credential = credentials.For(registry.Host);
        AuthenticationHeaderValue granted;
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            granted = credential is null
                ? throw new RegistryException($"registry {registry.Host}: needs a user name and password (Basic), and the Docker config.json has none for it")
                : new AuthenticationHeaderValue("Basic", credential.Basic);
        }
        else if (challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            granted = new AuthenticationHeaderValue("Bearer", await TokenAsync(registry, challenge, scope, credential, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            throw new RegistryException($"registry {registry.Host}: asks for `{Shown(challenge.Scheme)}` authentication; only Bearer and Basic are supported");
        }
        _granted[(registry.Host, scope)] = granted;
        return granted;
    }

    private async Task<string> TokenAsync(RegistryEndpoint registry, AuthChallenge challenge, string scope, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        if (challenge["realm"] is not { } realmText || !Uri.TryCreate(realmText, UriKind.Absolute, out var realm) || realm.Scheme is not ("http" or "https"))
        {
            throw new RegistryException($"registry {registry.Host}: its Bearer challenge has no http(s) realm");
        }
        // A password or token is sent in clear only to this machine.
        if (realm.Scheme == "http" && !RegistryEndpoint.IsLoopbackHost(realm.Host))
        {
            throw new RegistryException($"registry {registry.Host}: its token endpoint {realm.GetLeftPart(UriPartial.Path)} is plain http; refused");
        }
        var query = new List<string>();
        if (challenge["service"] is { } service) query.Add("service=" + Uri.EscapeDataString(service));
        query.Add("scope=" + Uri.EscapeDataString(challenge["scope"] ?? scope));
        var address = new UriBuilder(realm) { Query = string.Join('&', new[] { realm.Query.TrimStart('?') }.Where(q => q.Length > 0).Concat(query)) }.Uri;
        var shown = realm.GetLeftPart(UriPartial.Path);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.RequestDeadline);
        try
        {
            using var response = await SafeRedirects.SendAsync(http, address, request =>
            {
                if (credential is not null && request.RequestUri?.Authority == realm.Authority) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credential.Basic);
            }, limits.MaxRedirects, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryException($"registry {registry.Host}: the token endpoint {shown} answered {(int)response.StatusCode} {response.ReasonPhrase}"
                    + (credential is null ? " (no credentials for it in the Docker config.json)" : " (with the user from the Docker config.json)"));
            }
            var body = await BoundedBody.ReadAsync(response.Content, address, limits.MaxTokenBytes, deadline.Token).ConfigureAwait(false);
            var root = JsonParser.Parse(body).Root?.ToJsonNode() as JsonObject;
            var token = Text(root?["token"]) ?? Text(root?["access_token"]);
            if (string.IsNullOrEmpty(token) || token.Any(c => c < 0x21 || c > 0x7e))
            {
                throw new RegistryException($"registry {registry.Host}: the token endpoint {shown} sent no usable token");
            }
            return token;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException($"registry {registry.Host}: the token endpoint {shown} gave no answer within {limits.RequestDeadline.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SourceUnavailableException or InvalidDataException)
        {
            throw new RegistryException($"registry {registry.Host}: the token endpoint {shown}: {Scrubbed(e.Message, realm)}", e);
        }
    }

    private static string Scrubbed(string message, Uri realm) => message.Replace(realm.Query, "", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string Shown(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
