using Pipeline.Mirroring.Images;

namespace Pipeline.Mirroring.Tests.Images;

public sealed class ImageReferenceTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "docker.io", "library/nginx", "latest", null, "registry-1.docker.io")]
    [InlineData("mesosphere/marathon:1.5", "docker.io", "mesosphere/marathon", "1.5", null, "registry-1.docker.io")]
    [InlineData("index.docker.io/library/redis:7", "docker.io", "library/redis", "7", null, "registry-1.docker.io")]
    [InlineData("localhost/app", "localhost", "app", "latest", null, "localhost")]
    [InlineData("127.0.0.1:5000/team/app:v2", "127.0.0.1:5000", "team/app", "v2", null, "127.0.0.1:5000")]
    [InlineData("quay.io/coreos/etcd@sha256:" + Hex, "quay.io", "coreos/etcd", null, "sha256:" + Hex, "quay.io")]
    [InlineData("registry.example.com:8443/a/b/c:1.0@sha256:" + Hex, "registry.example.com:8443", "a/b/c", "1.0", "sha256:" + Hex, "registry.example.com:8443")]
    public void ReadsTheReferenceWithDockerHubDefaults(string text, string domain, string repository, string? tag, string? digest, string host)
    {
        var reference = ImageReference.Parse(text, out var problem);

        problem.Should().BeNull();
        reference.Should().Be(new ImageReference(domain, repository, tag, digest));
        reference!.RegistryHost.Should().Be(host);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Nginx", "repository")]
    [InlineData("nginx:", "tag")]
    [InlineData("nginx@sha256:abc", "digest")]
    [InlineData("nginx@md5:" + Hex, "digest")]
    [InlineData("host:notaport/app", "registry")]
    [InlineData("team//app", "repository")]
    [InlineData(" nginx", "padded")]
    [InlineData("{{resource.assets.container.docker.x}}", "repository")]
    public void AMalformedReferenceIsAProblemSayingWhat(string text, string what)
    {
        ImageReference.Parse(text, out var problem).Should().BeNull();
        problem.Should().Contain(what);
    }

    [Fact]
    public void APlatformIsOsArchitectureAndAnOptionalVariant()
    {
        ImagePlatform.Parse("linux/arm64/v8").Should().Be(new ImagePlatform("linux", "arm64", "v8"));
        ImagePlatform.Parse("linux").Should().BeNull();
        ImagePlatform.Parse("linux/arm64").Should().NotBeNull().And.Match<ImagePlatform>(p => p.Selects(new ImagePlatform("linux", "arm64", "v8")));
        new ImagePlatform("linux", "arm", "v7").Selects(new ImagePlatform("linux", "arm", "v6")).Should().BeFalse();
    }

    [Theory]
    [InlineData("registry.site:5000", "registry.site:5000", null)]
    [InlineData("127.0.0.1:5000/mirror/dcos/", "127.0.0.1:5000", "mirror/dcos")]
    [InlineData("https://registry.site", null, null)]
    [InlineData("registry.site/Upper", null, null)]
    public void APushTargetIsAHostWithAnOptionalPrefix(string text, string? host, string? prefix)
    {
        var target = PushTarget.Parse(text);

        target?.Registry.Host.Should().Be(host);
        target?.Prefix.Should().Be(prefix);
        (target is null).Should().Be(host is null);
    }
}
