using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Registries;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>
/// <c>universe mirror --images --push-to</c> as an operator runs it: a package naming images in a
/// registry on 127.0.0.1 is mirrored into a bundle and pushed into a second, empty registry, which
/// then holds the same digests, and the bundle's packages name it by digest.
/// </summary>
public sealed class MirrorImagesCommandTests : IAsyncLifetime, IDisposable
{
    private readonly MirrorTrees _trees = new();
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly TestImage _hello = TestImage.Create("hello");
    private readonly TestImage _tools = TestImage.Create("tools", "linux/amd64");
    private DistributionRegistry? _source;
    private DistributionRegistry? _site;

    public async Task InitializeAsync()
    {
        if (DistributionRegistry.Missing is not null) return;
        _source = await DistributionRegistry.StartAsync();
        _site = await DistributionRegistry.StartAsync();
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

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => ImageCommandRun.RunAsync(_trees, args);

    [RegistryFact]
    public async Task ABundleMadeWithImagesIsPushedToAnEmptyRegistryWithTheSameDigests()
    {
        ImageCommandRun.AddHelloAndTools(_trees, "source", _source!.Host);

        var (exit, output, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{_site!.Host}/site");

        exit.Should().Be(ExitCodes.Success, output + error);
        output.Should().Contain("images: 2 copied").And.Contain("manifests 5 copied").And.Contain("blobs 6 copied").And.Contain($"2 pushed to {_site.Host} (6 blobs uploaded)");
        await ImageCommandRun.HoldsAsync(_http, _site, "site/team/hello", _hello, "1.0");
        await ImageCommandRun.HoldsAsync(_http, _site, "site/team/tools", _tools, "2.0");
        var resource = JsonNode.Parse(File.ReadAllText(_trees.Path("bundle", "tree", "packages", "H", "hello", "0", "resource.json")))!;
        resource["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>().Should().Be($"{_site.Host}/site/team/hello@{_hello.Index.Digest}");
        File.ReadAllText(_trees.Path("bundle", "tree", "packages", "T", "tools", "0", "marathon.json.mustache"))
            .Should().Contain($"\"{_site.Host}/site/team/tools@{_tools.Index.Digest}\"").And.NotContain(_source!.Host);
        JsonNode.Parse(File.ReadAllText(_trees.Path("bundle", "images", "index.json")))!["manifests"]!.AsArray().Should().HaveCount(2);
        await ImageCommandRun.SkopeoAgreesAsync($"{_site.Host}/site/team/hello@{_hello.Index.Digest}", _hello.Index.Bytes);

        var again = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{_site.Host}/site");
        again.Exit.Should().Be(ExitCodes.Success, again.Out + again.Error);
        again.Out.Should().Contain("manifests 0 copied, 5 already there").And.Contain("blobs 0 copied, 6 already there").And.Contain("(0 blobs uploaded)");
    }

    [RegistryFact]
    public async Task ImagesThatCannotBeCopiedAreProblemLinesAndTheRunFails()
    {
        var resource = new JsonObject
        {
            ["assets"] = new JsonObject
            {
                ["container"] = new JsonObject
                {
                    ["docker"] = new JsonObject { ["bad"] = "Not/A:Reference:", ["gone"] = $"{_source!.Host}/team/gone:1.0", ["good"] = $"{_source.Host}/team/hello:1.0" },
                },
            },
        };
        var tree = _trees.AddRevision("source", "hello", 0, "1.0.0", resource);
        File.WriteAllText(Path.Combine(tree, "packages", "H", "hello", "0", "marathon.json.mustache"), """{"id": "{{#service}}unclosed"}""");

        var (exit, output, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--images");

        exit.Should().Be(ExitCodes.ContentErrors, output + error);
        error.Should().Contain("error: hello 1.0.0: resource.json /assets/container/docker/bad: `Not/A:Reference:`: the image reference")
            .And.Contain("error: hello 1.0.0: resource.json /assets/container/docker/gone: ").And.Contain("404")
            .And.Contain("error: hello 1.0.0: marathon.json does not render with the default options");
        output.Should().Contain("images: 1 copied").And.Contain("(2 failed)");
    }

    [Fact]
    public async Task RegistryCredentialsAreUsedAndNeverPrinted()
    {
        const string password = "s3cret-for-the-site";
        await using var registry = await FakeRegistry.StartAsync(_hello, new FakeRegistryBehavior { RequireToken = true, TokenCredential = "robot:other" });
        var resource = new JsonObject { ["assets"] = new JsonObject { ["container"] = new JsonObject { ["docker"] = new JsonObject { ["server"] = $"{registry.Host}/team/hello:1.0" } } } };
        _trees.AddRevision("source", "hello", 0, "1.0.0", resource);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"robot:{password}"));
        Directory.CreateDirectory(_trees.Path("home", ".docker"));
        File.WriteAllText(_trees.Path("home", ".docker", "config.json"),
            new JsonObject { ["auths"] = new JsonObject { [registry.Host] = new JsonObject { ["auth"] = encoded } }, ["credsStore"] = "desktop" }.ToJsonString());

        var (exit, output, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--images");

        exit.Should().Be(ExitCodes.ContentErrors);
        registry.Requests.Should().Contain(r => r.Path == "/token" && r.Authorization == "Basic " + encoded, "the config.json's user is offered to the token endpoint");
        error.Should().Contain("token endpoint").And.Contain("401").And.Contain("credential helpers (credsStore / credHelpers), which are not supported");
        (output + error).Should().NotContain(password).And.NotContain(encoded).And.NotContain(FakeRegistry.Token);
    }

    [Theory]
    [InlineData("--platform", "linux", "--platform `linux` is not OS/ARCH")]
    [InlineData("--push-to", "https://registry.site", "--push-to `https://registry.site` is not a registry")]
    public async Task ABadImageOptionIsRefusedBeforeAnythingIsCopied(string option, string value, string message)
    {
        _trees.AddRevision("source", "hello", 0, "1.0.0");

        var (exit, _, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--images", option, value);

        exit.Should().Be(ExitCodes.Failure);
        error.Should().Contain(message);
        Directory.Exists(_trees.Path("bundle")).Should().BeFalse();
    }

    [Fact]
    public async Task ImageOptionsNeedImages()
    {
        _trees.AddRevision("source", "hello", 0, "1.0.0");

        var (exit, _, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--push-to", "registry.site");

        exit.Should().Be(ExitCodes.Failure);
        error.Should().Contain("--platform and --push-to go with --images");
    }
}
