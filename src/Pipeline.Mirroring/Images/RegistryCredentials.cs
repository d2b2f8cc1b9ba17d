using System.Text;
using System.Text.Json.Nodes;
using JsonParser = Pipeline.Json.Parsing.JsonParser;

namespace Pipeline.Mirroring.Images;

/// <summary>A user name and password for a registry. Its text never shows the password.</summary>
public sealed record RegistryCredential(string User, string Password)
{
    public string Basic => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    public override string ToString() => $"{User}:***";
}

/// <summary>
/// Registry credentials from a Docker <c>config.json</c> (<c>auths.&lt;host&gt;.auth</c>, base64
/// <c>user:password</c>). Credential helpers (<c>credsStore</c>, <c>credHelpers</c>) are not run:
/// <see cref="Notice"/> says so once, and those registries are tried anonymously.
/// </summary>
public sealed class RegistryCredentials
{
    private readonly Dictionary<string, RegistryCredential> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public static readonly RegistryCredentials None = new();

    /// <summary>Why some configured credentials are not used, or null.</summary>
    public string? Notice { get; private init; }

    public int Count => _byHost.Count;

    /// <summary>The credential for a reference's registry (its domain, or the host requests go to), or null.</summary>
    public RegistryCredential? For(string domain) => _byHost.GetValueOrDefault(domain);

    /// <summary><c>$DOCKER_CONFIG/config.json</c> when that is set, else <c>HOME/.docker/config.json</c>; none when neither exists.</summary>
    public static string? ConfigPath(string? dockerConfig, string? home) =>
        dockerConfig is not null ? Path.Combine(dockerConfig, "config.json") : home is null ? null : Path.Combine(home, ".docker", "config.json");

    /// <summary>The credentials in the file at <paramref name="path"/>; none (with a notice) when it cannot be read.</summary>
    public static RegistryCredentials Load(string? path)
    {
        if (path is null || !File.Exists(path)) return None;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RegistryCredentials { Notice = $"cannot read {path}: {e.Message}; registries are tried anonymously" };
        }
        if (JsonParser.Parse(bytes).Root?.ToJsonNode() is not JsonObject root)
        {
            return new RegistryCredentials { Notice = $"{path} is not a JSON object; registries are tried anonymously" };
        }
        var helpers = root["credsStore"] is not null || root["credHelpers"] is JsonObject { Count: > 0 };
        var credentials = new RegistryCredentials
        {
            Notice = helpers ? $"{path} names credential helpers (credsStore / credHelpers), which are not supported; only `auths` entries are used" : null,
        };
        foreach (var (key, entry) in root["auths"] as JsonObject ?? [])
        {
            if (entry is JsonObject { } auth && auth["auth"] is JsonValue value && value.TryGetValue(out string? encoded) && Decode(encoded) is { } credential)
            {
                credentials._byHost[Host(key)] = credential;
            }
        }
        return credentials;
    }

    /// <summary>The host of an <c>auths</c> key, which may be a URL (Docker Hub's is <c>https://index.docker.io/v1/</c>).</summary>
    private static string Host(string key)
    {
        var host = key.Contains("://", StringComparison.Ordinal) ? key[(key.IndexOf("://", StringComparison.Ordinal) + 3)..] : key;
        host = host.Split('/')[0];
        return host is "index.docker.io" or "registry-1.docker.io" ? ImageReference.DockerHub : host;
    }

    private static RegistryCredential? Decode(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            return colon > 0 ? new RegistryCredential(text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
