using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Registries;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>
/// The air-gapped half of <c>mirror --images</c>: a bundle made with <c>--images</c> from a registry
/// on 127.0.0.1 is carried to a site that cannot reach that registry (stopped here), mirrored from
/// its <c>tree/</c> with the images taken from its <c>images/</c> layout and pushed into the site's
/// empty registry.
/// </summary>
public sealed class BundlePushCommandTests : IAsyncLifetime, IDisposable
{
    private readonly MirrorTrees _trees = new();
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly TestImage _hello = TestImage.Create("hello");
    private readonly TestImage _tools = TestImage.Create("tools", "linux/amd64");
    private DistributionRegistry? _source;
    private DistributionRegistry? _site;
    private string _sourceHost = "";

    public async Task InitializeAsync()
    {
        if (DistributionRegistry.Missing is not null) return;
        _source = await DistributionRegistry.StartAsync();
        _site = await DistributionRegistry.StartAsync();
        _sourceHost = _source.Host;
        await _hello.PushAsync(_http, _source.Root, "team/hello", "1.0");
        await _tools.PushAsync(_http, _source.Root, "team/tools", "2.0");
    }

    public async Task DisposeAsync()
    {
        if (_source is not null) await _source.DisposeAsync();
        if (_site is not null) await _site.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _trees.Dispose();
    }

    /// <summary>Makes the bundle as an operator outside does, then stops the registry it came from.</summary>
    private async Task MakeBundleAndLoseTheSourceAsync(bool stopSource = true)
    {
        ImageCommandRun.AddHelloAndTools(_trees, "staging", _sourceHost);
        var made = await ImageCommandRun.RunAsync(_trees, "mirror", "--from", "staging", "--all", "--to", "bundle", "--bundle", "--assets", "--base-url", "http://universe.dc.example/", "--images");
        made.Exit.Should().Be(ExitCodes.Success, made.Out + made.Error);
        if (!stopSource) return;
        await _source!.DisposeAsync();
        _source = null;
    }

    private Task<(int Exit, string Out, string Error)> PushFromBundleAsync() =>
        ImageCommandRun.RunAsync(_trees, "mirror", "--from", _trees.Path("bundle", "tree"), "--all", "--to", "dc", "--images", "--push-to", _site!.Host);

    private string ResourceImage(string key = "server") =>
        JsonNode.Parse(File.ReadAllText(_trees.Path("dc", "packages", "H", "hello", "0", "resource.json")))!["assets"]!["container"]!["docker"]![key]!.GetValue<string>();

    [RegistryFact]
    public async Task ABundleCarriedInIsPushedFromItsImagesWithTheSameDigests()
    {
        await MakeBundleAndLoseTheSourceAsync();

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.Success, output + error);
        output.Should().Contain("images: 2 copied into").And.Contain("2 of them from the source bundle's images (0 failed)").And.Contain($"2 pushed to {_site!.Host} (6 blobs uploaded)");
        await ImageCommandRun.HoldsAsync(_http, _site, "team/hello", _hello, "1.0");
        await ImageCommandRun.HoldsAsync(_http, _site, "team/tools", _tools, "2.0");
        ResourceImage().Should().Be($"{_site.Host}/team/hello@{_hello.Index.Digest}");
        File.ReadAllText(_trees.Path("dc", "packages", "T", "tools", "0", "marathon.json.mustache"))
            .Should().Contain($"\"{_site.Host}/team/tools@{_tools.Index.Digest}\"").And.NotContain(_sourceHost);
        JsonNode.Parse(File.ReadAllText(_trees.Path("dc", "images", "index.json")))!["manifests"]!.AsArray().Should().HaveCount(2);
        await ImageCommandRun.SkopeoAgreesAsync($"{_site.Host}/team/hello@{_hello.Index.Digest}", _hello.Index.Bytes);
    }

    [RegistryFact]
    public async Task ATamperedBlobInTheBundleIsAProblemAndThatImageIsNotPushed()
    {
        await MakeBundleAndLoseTheSourceAsync();
        var layer = _trees.Path("bundle", "images", "blobs", "sha256", _hello.Blobs["linux/arm64"][1].Digest["sha256:".Length..]);
        var bytes = File.ReadAllBytes(layer);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(layer, bytes);

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.ContentErrors, output + error);
        error.Should().Contain($"error: hello 1.0.0: resource.json /assets/container/docker/server: `{_sourceHost}/team/hello:1.0`: ")
            .And.Contain(_hello.Blobs["linux/arm64"][1].Digest["sha256:".Length..]).And.Contain("the bundle holds content whose digest is").And.NotContain("not in the bundle's images");
        output.Should().Contain("(1 failed)").And.Contain($"1 pushed to {_site!.Host}");
        (await ImageCommandRun.ManifestAsync(_http, _site, "team/hello", "1.0")).Status.Should().Be(HttpStatusCode.NotFound);
        (await ImageCommandRun.ManifestAsync(_http, _site, "team/hello", _hello.Index.Digest)).Status.Should().Be(HttpStatusCode.NotFound);
        await ImageCommandRun.HoldsAsync(_http, _site, "team/tools", _tools, "2.0");
        ResourceImage().Should().Be($"{_sourceHost}/team/hello:1.0", "an image not pushed keeps its original reference");
    }

    [RegistryFact]
    public async Task AnImageNotInTheBundleComesFromItsRegistryOrIsAProblemSayingSo()
    {
        await MakeBundleAndLoseTheSourceAsync(stopSource: false);
        var resourcePath = _trees.Path("bundle", "tree", "packages", "H", "hello", "0", "resource.json");
        var resource = JsonNode.Parse(File.ReadAllText(resourcePath))!;
        // The bundle holds tools:2.0, not tools:latest (the same image under another tag, still reachable), nor gone:1.0 (nowhere).
        resource["assets"]!["container"]!["docker"]!["extra"] = $"{_sourceHost}/team/tools:latest";
        resource["assets"]!["container"]!["docker"]!["gone"] = $"{_sourceHost}/team/gone:1.0";
        File.WriteAllText(resourcePath, resource.ToJsonString());
        await _tools.PushAsync(_http, _source!.Root, "team/tools", "latest");

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.ContentErrors, output + error);
        error.Should().Contain($"error: hello 1.0.0: resource.json /assets/container/docker/gone: `{_sourceHost}/team/gone:1.0`: ").And.Contain("404")
            .And.Contain($"; it is not in the bundle's images ({_trees.Path("bundle", "images")}) either");
        output.Should().Contain("images: 3 copied into").And.Contain("2 of them from the source bundle's images (1 failed)");
        ResourceImage("extra").Should().Be($"{_site!.Host}/team/tools@{_tools.Index.Digest}", "an image missing from the bundle is fetched from its registry when it can be reached");
    }
}
