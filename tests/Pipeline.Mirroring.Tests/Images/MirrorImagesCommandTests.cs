using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Registries;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>
/// <c>universe mirror --images --push-to</c> as an operator runs it: a package naming images in a
/// registry on 127.0.0.1 is mirrored into a bundle and pushed into a second, empty registry, which
/// then holds the same digests, and the bundle's packages name it by digest.
/// </summary>
public sealed class MirrorImagesCommandTests : TwoRegistryTests
{
    [RegistryFact]
    public async Task ABundleMadeWithImagesIsPushedToAnEmptyRegistryWithTheSameDigests()
    {
        ImageCommandRun.AddHelloAndTools(Trees, "source", Source!.Host);

        var (exit, output, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{Site!.Host}/site");

        exit.Should().Be(ExitCodes.Success, output + error);
        output.Should().Contain("images: 2 copied").And.Contain("manifests 5 copied").And.Contain("blobs 6 copied").And.Contain($"2 pushed to {Site.Host} (6 blobs uploaded)");
        await ImageCommandRun.HoldsAsync(Http, Site, "site/team/hello", Hello, "1.0");
        await ImageCommandRun.HoldsAsync(Http, Site, "site/team/tools", Tools, "2.0");
        var resource = JsonNode.Parse(File.ReadAllText(Trees.Path("bundle", "tree", "packages", "H", "hello", "0", "resource.json")))!;
        resource["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>().Should().Be($"{Site.Host}/site/team/hello@{Hello.Index.Digest}");
        File.ReadAllText(Trees.Path("bundle", "tree", "packages", "T", "tools", "0", "marathon.json.mustache"))
            .Should().Contain($"\"{Site.Host}/site/team/tools@{Tools.Index.Digest}\"").And.NotContain(Source!.Host);
        JsonNode.Parse(File.ReadAllText(Trees.Path("bundle", "images", "index.json")))!["manifests"]!.AsArray().Should().HaveCount(2);
        await ImageCommandRun.SkopeoAgreesAsync($"{Site.Host}/site/team/hello@{Hello.Index.Digest}", Hello.Index.Bytes);

        var again = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--bundle", "--images", "--push-to", $"{Site.Host}/site");
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
                    ["docker"] = new JsonObject { ["bad"] = "Not/A:Reference:", ["gone"] = $"{Source!.Host}/team/gone:1.0", ["good"] = $"{Source.Host}/team/hello:1.0" },
                },
            },
        };
        var tree = Trees.AddRevision("source", "hello", 0, "1.0.0", resource);
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
        await using var registry = await FakeRegistry.StartAsync(Hello, new FakeRegistryBehavior { RequireToken = true, TokenCredential = "robot:other" });
        var resource = new JsonObject { ["assets"] = new JsonObject { ["container"] = new JsonObject { ["docker"] = new JsonObject { ["server"] = $"{registry.Host}/team/hello:1.0" } } } };
        Trees.AddRevision("source", "hello", 0, "1.0.0", resource);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"robot:{password}"));
        Directory.CreateDirectory(Trees.Path("home", ".docker"));
        File.WriteAllText(Trees.Path("home", ".docker", "config.json"),
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
        Trees.AddRevision("source", "hello", 0, "1.0.0");

        var (exit, _, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--images", option, value);

        exit.Should().Be(ExitCodes.Failure);
        error.Should().Contain(message);
        Directory.Exists(Trees.Path("bundle")).Should().BeFalse();
    }

    [Fact]
    public async Task ImageOptionsNeedImages()
    {
        Trees.AddRevision("source", "hello", 0, "1.0.0");

        var (exit, _, error) = await RunAsync("mirror", "--from", "source", "--all", "--to", "bundle", "--push-to", "registry.site");

        exit.Should().Be(ExitCodes.Failure);
        error.Should().Contain("--platform and --push-to go with --images");
    }
}
