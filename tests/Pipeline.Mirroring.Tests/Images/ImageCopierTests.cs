using System.Text.Json.Nodes;
using Pipeline.Mirroring.Images;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Registries;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>Copying from a real registry (Debian's docker-registry on 127.0.0.1) holding a two-platform image the test pushed.</summary>
public sealed class ImageCopierTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly string _bundle = Directory.CreateTempSubdirectory("universe-images-").FullName;
    private readonly TestImage _image = TestImage.Create("copier");
    private DistributionRegistry? _registry;

    public async Task InitializeAsync()
    {
        if (DistributionRegistry.Missing is not null) return;
        _registry = await DistributionRegistry.StartAsync();
        await _image.PushAsync(_http, _registry.Root, "team/hello", "1.0");
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null) await _registry.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_bundle, recursive: true);
    }

    private RegistryClient Client => new(_http, new RegistryAuthenticator(_http, RegistryCredentials.None, new RegistryLimits()));

    private OciImageLayout Layout => new(Path.Combine(_bundle, "images"));

    private ImageReference Reference => ImageReference.Parse($"{_registry!.Host}/team/hello:1.0", out _)!;

    private string BlobFile(string digest) => Path.Combine(_bundle, "images", "blobs", "sha256", digest["sha256:".Length..]);

    private Task<ImageCopy> CopyAsync(params ImagePlatform[] platforms) => new ImageCopier(Client, Layout, platforms).CopyAsync(Reference, CancellationToken.None);

    [RegistryFact]
    public async Task CopiesEveryPlatformIntoAnOciLayoutKeepingTheIndexDigest()
    {
        var copy = await CopyAsync();

        copy.Top.Digest.ToString().Should().Be(_image.Index.Digest);
        copy.SourceDigest.Should().BeNull();
        (copy.ManifestsCopied, copy.BlobsCopied, copy.BlobsSkipped).Should().Be((3, 4, 0));
        foreach (var content in _image.AllBlobs.Concat(_image.Manifests.Values).Append(_image.Index))
        {
            File.ReadAllBytes(BlobFile(content.Digest)).Should().Equal(content.Bytes);
        }
        File.ReadAllText(Path.Combine(_bundle, "images", "oci-layout")).Should().Contain("\"imageLayoutVersion\":\"1.0.0\"");
        var entry = JsonNode.Parse(File.ReadAllText(Path.Combine(_bundle, "images", "index.json")))!["manifests"]!.AsArray().Single()!;
        entry["digest"]!.GetValue<string>().Should().Be(_image.Index.Digest);
        entry["mediaType"]!.GetValue<string>().Should().Be(TestImage.IndexType);
        entry["annotations"]![OciImageLayout.RefName]!.GetValue<string>().Should().Be($"{_registry!.Host}/team/hello:1.0");
    }

    [RegistryFact]
    public async Task APlatformSelectionCopiesOnlyItsManifestUnderAnIndexOfJustThat()
    {
        var copy = await CopyAsync(new ImagePlatform("linux", "arm64"));

        copy.SourceDigest!.ToString().Should().Be(_image.Index.Digest);
        copy.Top.Digest.ToString().Should().NotBe(_image.Index.Digest);
        var written = JsonNode.Parse(File.ReadAllBytes(BlobFile(copy.Top.Digest.ToString())))!;
        written["manifests"]!.AsArray().Select(m => m!["digest"]!.GetValue<string>()).Should().Equal(_image.Manifests["linux/arm64"].Digest);
        File.Exists(BlobFile(_image.Manifests["linux/arm64"].Digest)).Should().BeTrue();
        File.Exists(BlobFile(_image.Manifests["linux/amd64"].Digest)).Should().BeFalse();
        _image.Blobs["linux/amd64"].Should().OnlyContain(b => !File.Exists(BlobFile(b.Digest)));
        _image.Blobs["linux/arm64"].Should().OnlyContain(b => File.Exists(BlobFile(b.Digest)));
        File.Exists(BlobFile(_image.Index.Digest)).Should().BeFalse("an index naming manifests the bundle lacks could not be pushed");
    }

    [RegistryFact]
    public async Task APlatformTheIndexLacksIsAProblemListingWhatItHas()
    {
        var act = () => CopyAsync(new ImagePlatform("windows", "amd64"));

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("windows/amd64").And.Contain("linux/amd64, linux/arm64");
    }

    [RegistryFact]
    public async Task ASecondRunCopiesNothingAndADamagedOrPartialBlobIsFetchedAgain()
    {
        await CopyAsync();

        var again = await CopyAsync();
        (again.ManifestsCopied, again.BlobsCopied, again.BytesCopied).Should().Be((0, 0, 0L));
        (again.ManifestsSkipped, again.BlobsSkipped).Should().Be((3, 4));

        var layer = _image.Blobs["linux/amd64"][1];
        File.WriteAllBytes(BlobFile(layer.Digest), [1, 2, 3]);
        File.WriteAllBytes(BlobFile(layer.Digest) + ".0123.part", [9]);
        var repaired = await CopyAsync();
        (repaired.BlobsCopied, repaired.BlobsSkipped).Should().Be((1, 3));
        File.ReadAllBytes(BlobFile(layer.Digest)).Should().Equal(layer.Bytes);
        File.Exists(BlobFile(layer.Digest) + ".0123.part").Should().BeFalse();
    }

    [RegistryFact]
    public async Task AnImageAbsentFromTheRegistryIsAProblemNamingIt()
    {
        var missing = ImageReference.Parse($"{_registry!.Host}/team/absent:2.0", out _)!;

        var act = () => new ImageCopier(Client, Layout, []).CopyAsync(missing, CancellationToken.None);

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("team/absent/manifests/2.0").And.Contain("404");
    }

    [RegistryFact]
    public async Task AnImageWithSomePlatformsPushesAsItsOwnCompleteIndex()
    {
        var copy = await CopyAsync(new ImagePlatform("linux", "amd64"));
        var target = PushTarget.Parse($"{_registry!.Host}/site")!;

        var (uploaded, present) = await new ImagePusher(Client, Layout).PushAsync(Layout.ReadIndex().Single(), Reference, target, CancellationToken.None);

        (uploaded, present).Should().Be((2, 0));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_registry.Root, "v2/site/team/hello/manifests/1.0"));
        request.Headers.Accept.ParseAdd(TestImage.IndexType);
        using var response = await _http.SendAsync(request);
        response.Headers.GetValues("Docker-Content-Digest").Should().Equal(copy.Top.Digest.ToString());
        target.PinnedReference(Reference, copy.Top.Digest).Should().Be($"{_registry.Host}/site/team/hello@{copy.Top.Digest}");
    }
}
