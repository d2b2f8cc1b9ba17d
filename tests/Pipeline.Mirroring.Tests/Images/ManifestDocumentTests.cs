using System.Text;
using Pipeline.Mirroring.Images;

namespace Pipeline.Mirroring.Tests.Images;

public sealed class ManifestDocumentTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static ManifestDocument? Read(string json, string? served, out string? problem) => ManifestDocument.Read(Encoding.UTF8.GetBytes(json), served, out problem);

    [Fact]
    public void AnIndexWithoutItsOwnMediaTypeServedAsPlainJsonIsKnownByItsShape()
    {
        var json = """{"schemaVersion": 2, "manifests": [{"mediaType": "TYPE", "digest": "DIGEST", "size": 7, "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}}]}"""
            .Replace("TYPE", ManifestDocument.OciManifest, StringComparison.Ordinal).Replace("DIGEST", Digest, StringComparison.Ordinal);

        var index = Read(json, "application/json", out _);

        index!.IsIndex.Should().BeTrue();
        index.Children.Single().Platform.Should().Be(new ImagePlatform("linux", "arm64", "v8"));
    }

    [Theory]
    [InlineData("""{"schemaVersion": 1, "mediaType": "application/vnd.docker.distribution.manifest.v1+prettyjws"}""", "is not an image index")]
    [InlineData("""{"mediaType": "application/vnd.oci.image.manifest.v1+json", "config": {"mediaType": "x", "digest": "md5:00", "size": 1}, "layers": []}""", "no valid config")]
    [InlineData("""{"mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [{"digest": "sha256:00"}]}""", "without a media type, a sha256 digest and a size")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    public void AManifestThatCannotBeCopiedSaysWhy(string json, string problem)
    {
        Read(json, null, out var why).Should().BeNull();
        why.Should().Contain(problem);
    }
}
