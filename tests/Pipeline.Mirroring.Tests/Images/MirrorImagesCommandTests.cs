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

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["HOME"] = _trees.Path("home") }, _trees.Root);
        var exit = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), environment);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>hello names its image in resource.json (and renders it into marathon.json); tools writes its image literally in marathon.json.</summary>
    private void SourceTree()
    {
        var resource = new JsonObject { ["assets"] = new JsonObject { ["container"] = new JsonObject { ["docker"] = new JsonObject { ["server"] = $"{_source!.Host}/team/hello:1.0" } } } };
        var tree = _trees.AddRevision("source", "hello", 0, "1.0.0", resource);
        File.WriteAllText(Path.Combine(tree, "packages", "H", "hello", "0", "marathon.json.mustache"),
            """{"id": "{{service.name}}", "cpus": 0.1, "mem": 32, "instances": 1, "container": {"type": "DOCKER", "docker": {"image": "{{resource.assets.container.docker.server}}"}}}""");
        _trees.AddRevision("source", "tools", 0, "2.0.0");
        File.WriteAllText(Path.Combine(tree, "packages", "T", "tools", "0", "marathon.json.mustache"),
            """{"id": "{{service.name}}", "cpus": 0.1, "mem": 32, "instances": 1, "container": {"type": "MESOS", "docker": {"image": "HOST/team/tools:2.0"}}}""".Replace("HOST", _source.Host, StringComparison.Ordinal));
    }

    private async Task<(string Digest, byte[] Body)> SiteManifestAsync(string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_site!.Root, $"v2/{repository}/manifests/{reference}"));
        request.Headers.Accept.ParseAdd(TestImage.IndexType);
        request.Headers.Accept.ParseAdd(TestImage.ManifestType);
        using var response = await _http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{repository}:{reference} should be on the site registry");
        var body = await response.Content.ReadAsByteArrayAsync();
        return ("sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)), body);
    }

    [RegistryFact]
    public async Task ABundleMadeWithImagesIsPushedToAnEmptyRegistryWithTheSameDigests()
    {
        SourceTree();

        var (exit, output, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{_site!.Host}/site");

        exit.Should().Be(ExitCodes.Success, output + error);
        output.Should().Contain("images: 2 copied").And.Contain("manifests 5 copied").And.Contain("blobs 6 copied").And.Contain($"2 pushed to {_site.Host} (6 blobs uploaded)");
        foreach (var (repository, image, tag) in new[] { ("site/team/hello", _hello, "1.0"), ("site/team/tools", _tools, "2.0") })
        {
            (await SiteManifestAsync(repository, image.Index.Digest)).Body.Should().Equal(image.Index.Bytes);
            (await SiteManifestAsync(repository, tag)).Digest.Should().Be(image.Index.Digest);
            foreach (var manifest in image.Manifests.Values) (await SiteManifestAsync(repository, manifest.Digest)).Digest.Should().Be(manifest.Digest);
            foreach (var blob in image.AllBlobs)
            {
                using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(_site.Root, $"v2/{repository}/blobs/{blob.Digest}")));
                head.StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }
        var resource = JsonNode.Parse(File.ReadAllText(_trees.Path("bundle", "tree", "packages", "H", "hello", "0", "resource.json")))!;
        resource["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>().Should().Be($"{_site.Host}/site/team/hello@{_hello.Index.Digest}");
        File.ReadAllText(_trees.Path("bundle", "tree", "packages", "T", "tools", "0", "marathon.json.mustache"))
            .Should().Contain($"\"{_site.Host}/site/team/tools@{_tools.Index.Digest}\"").And.NotContain(_source!.Host);
        JsonNode.Parse(File.ReadAllText(_trees.Path("bundle", "images", "index.json")))!["manifests"]!.AsArray().Should().HaveCount(2);
        await SkopeoAgreesAsync($"{_site.Host}/site/team/hello@{_hello.Index.Digest}", _hello.Index.Bytes);

        var again = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{_site.Host}/site");
        again.Exit.Should().Be(ExitCodes.Success, again.Out + again.Error);
        again.Out.Should().Contain("manifests 0 copied, 5 already there").And.Contain("blobs 0 copied, 6 already there").And.Contain("(0 blobs uploaded)");
    }

    /// <summary>skopeo, an independent client, reads the pushed index back byte for byte (skipped where skopeo is absent).</summary>
    private static async Task SkopeoAgreesAsync(string reference, byte[] expected)
    {
        if (!File.Exists("/usr/bin/skopeo")) return;
        var start = new ProcessStartInfo("/usr/bin/skopeo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "inspect", "--tls-verify=false", "--raw", "docker://" + reference }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, await error);
        (await output).TrimEnd('\n').Should().Be(Encoding.UTF8.GetString(expected));
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
