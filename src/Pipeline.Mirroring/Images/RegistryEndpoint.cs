using System.Net;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// Where a registry's API is: plain http for a registry on the loopback interface (a local test
/// or a site's registry on the same machine), https everywhere else.
/// </summary>
public sealed record RegistryEndpoint(string Host)
{
    public bool IsLoopback => IsLoopbackHost(new Uri("http://" + Host).Host);

    public Uri BaseUri => new($"{(IsLoopback ? "http" : "https")}://{Host}/v2/");

    public Uri Manifest(string repository, string reference) => new(BaseUri, $"{repository}/manifests/{reference}");

    public Uri Blob(string repository, ImageDigest digest) => new(BaseUri, $"{repository}/blobs/{digest}");

    public Uri Uploads(string repository) => new(BaseUri, $"{repository}/blobs/uploads/");

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
