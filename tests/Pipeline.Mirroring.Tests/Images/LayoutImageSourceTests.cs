using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Mirroring.Images;
using Pipeline.Testing.Registries;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>Copying an image out of a bundle's layout (no registry at all): what it holds comes out with its digests; what is damaged is refused, naming the file.</summary>
public sealed class LayoutImageSourceTests : IDisposable
{
    private const string Tagged = "registry.example:5000/team/hello:1.0";

    private readonly string _folder = Directory.CreateTempSubdirectory("universe-layout-").FullName;
    private readonly TestImage _image = TestImage.Create("bundled");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Bundle => Path.Combine(_folder, "bundle", "images");

    private OciImageLayout Target => new(Path.Combine(_folder, "dc", "images"));

    private static ImageDigest Digest(TestContent content) => ImageDigest.Parse(content.Digest)!;

    private static ImageReference Reference(string text) => ImageReference.Parse(text, out _)!;

    /// <summary>A bundle layout holding every blob and manifest of the image, index.json naming <paramref name="top"/> (the index by default) as <paramref name="reference"/>.</summary>
    private void MakeBundle(string reference = Tagged, TestContent? top = null, ImageDigest? sourceDigest = null)
    {
        var layout = new OciImageLayout(Bundle);
        foreach (var content in _image.AllBlobs.Concat(_image.Manifests.Values).Append(_image.Index).Append(top ?? _image.Index)) layout.WriteBlob(Digest(content), content.Bytes);
        top ??= _image.Index;
        layout.AddImage(new ContentDescriptor(top.MediaType, Digest(top), top.Bytes.Length), reference, sourceDigest);
    }

    private Task<ImageCopy> CopyAsync(string reference = Tagged, int maxManifestBytes = 4 << 20) =>
        new ImageCopier(new LayoutImageSource(Bundle, maxManifestBytes), Target, []).CopyAsync(Reference(reference), CancellationToken.None);

    private string BundleFile(TestContent content) => OciImageLayout.BlobPath(Bundle, Digest(content));

    [Fact]
    public async Task AnImageTheLayoutNamesIsCopiedWithItsDigests()
    {
        MakeBundle();
        var source = new LayoutImageSource(Bundle, 4 << 20);
        source.Holds(Reference(Tagged)).Should().BeTrue();
        source.Holds(Reference("registry.example:5000/team/hello:2.0")).Should().BeFalse();

        var copy = await CopyAsync();

        copy.Top.Digest.ToString().Should().Be(_image.Index.Digest);
        copy.SourceDigest.Should().BeNull();
        copy.BlobsCopied.Should().Be(4);
        foreach (var content in _image.AllBlobs.Concat(_image.Manifests.Values).Append(_image.Index))
        {
            File.ReadAllBytes(Target.BlobPath(Digest(content))).Should().Equal(content.Bytes);
        }
        Target.ReadIndex().Should().ContainSingle().Which.Reference.Should().Be(Tagged);
    }

    [Fact]
    public async Task APinnedReferenceFindsTheIndexItsBundleKeptOnlySomePlatformsOf()
    {
        var root = JsonNode.Parse(_image.Index.Bytes)!.AsObject();
        root["manifests"]!.AsArray().RemoveAt(1);
        var kept = new TestContent(TestImage.IndexType, Encoding.UTF8.GetBytes(root.ToJsonString()));
        var pinned = $"registry.example:5000/team/hello@{_image.Index.Digest}";
        MakeBundle(pinned, kept, Digest(_image.Index));

        var copy = await CopyAsync(pinned);

        copy.Top.Digest.Should().Be(Digest(kept));
        copy.SourceDigest.Should().Be(Digest(_image.Index), "the target's layout records the full index, as the bundle's did");
        Target.ReadIndex().Single().SourceDigest.Should().Be(Digest(_image.Index));
    }

    [Fact]
    public async Task AnIndexJsonNamingAnotherDigestThanThePinnedOneIsRefused()
    {
        var pinned = $"registry.example:5000/team/hello@{_image.Manifests["linux/amd64"].Digest}";
        MakeBundle(pinned);

        var act = () => CopyAsync(pinned);

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain($"index.json names {_image.Index.Digest}").And.Contain("not the sha256:");
    }

    [Theory]
    [InlineData("truncated layer", "the bundle holds 3 of the")]
    [InlineData("altered layer", "the bundle holds content whose digest is")]
    [InlineData("missing layer", "missing from the bundle")]
    [InlineData("altered manifest", "the bundle holds a manifest whose digest is")]
    public async Task DamagedContentIsRefusedNamingTheFile(string damage, string message)
    {
        MakeBundle();
        var layer = _image.Blobs["linux/arm64"][1];
        var manifest = _image.Manifests["linux/arm64"];
        var file = BundleFile(damage.EndsWith("manifest", StringComparison.Ordinal) ? manifest : layer);
        switch (damage)
        {
            case "truncated layer": File.WriteAllBytes(file, layer.Bytes[..3]); break;
            case "altered layer": File.WriteAllBytes(file, [.. layer.Bytes[..^1], (byte)(layer.Bytes[^1] ^ 0xff)]); break;
            case "missing layer": File.Delete(file); break;
            default: File.WriteAllText(file, Encoding.UTF8.GetString(manifest.Bytes).Replace("\"layers\"", "\"layers\" ", StringComparison.Ordinal)); break;
        }

        var act = () => CopyAsync();

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain(file).And.Contain(message);
        File.Exists(Target.BlobPath(Digest(layer))).Should().BeFalse("nothing unverified reaches the target");
        Target.ReadIndex().Should().BeEmpty();
    }

    [Fact]
    public async Task AManifestLargerThanTheLimitIsRefusedUnread()
    {
        MakeBundle();

        var act = () => CopyAsync(maxManifestBytes: 64);

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain(BundleFile(_image.Index)).And.Contain("larger than the limit of 64 bytes");
    }
}
