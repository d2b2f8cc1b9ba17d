using System.Net;
using System.Text.Json.Nodes;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>
/// The air-gapped half of <c>mirror --images</c>: a bundle made with <c>--images</c> from a registry
/// on 127.0.0.1 is carried to a site that cannot reach that registry (stopped here), mirrored from
/// its <c>tree/</c> with the images taken from its <c>images/</c> layout and pushed into the site's
/// empty registry.
/// </summary>
public sealed class BundlePushCommandTests : TwoRegistryTests
{
    /// <summary>Makes the bundle as an operator outside does, then stops the registry it came from.</summary>
    private async Task MakeBundleAndLoseTheSourceAsync(bool stopSource = true)
    {
        ImageCommandRun.AddHelloAndTools(Trees, "staging", SourceHost);
        var made = await RunAsync("mirror", "--from", "staging", "--all", "--to", "bundle", "--bundle", "--assets", "--base-url", "http://universe.dc.example/", "--images");
        made.Exit.Should().Be(ExitCodes.Success, made.Out + made.Error);
        if (!stopSource) return;
        await Source!.DisposeAsync();
        Source = null;
    }

    private Task<(int Exit, string Out, string Error)> PushFromBundleAsync() =>
        RunAsync("mirror", "--from", Trees.Path("bundle", "tree"), "--all", "--to", "dc", "--images", "--push-to", Site!.Host);

    private string ResourceImage(string key = "server") =>
        JsonNode.Parse(File.ReadAllText(Trees.Path("dc", "packages", "H", "hello", "0", "resource.json")))!["assets"]!["container"]!["docker"]![key]!.GetValue<string>();

    [RegistryFact]
    public async Task ABundleCarriedInIsPushedFromItsImagesWithTheSameDigests()
    {
        await MakeBundleAndLoseTheSourceAsync();

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.Success, output + error);
        output.Should().Contain("images: 2 copied into").And.Contain("2 of them from the source bundle's images (0 failed)").And.Contain($"2 pushed to {Site!.Host} (6 blobs uploaded)");
        await ImageCommandRun.HoldsAsync(Http, Site, "team/hello", Hello, "1.0");
        await ImageCommandRun.HoldsAsync(Http, Site, "team/tools", Tools, "2.0");
        ResourceImage().Should().Be($"{Site.Host}/team/hello@{Hello.Index.Digest}");
        File.ReadAllText(Trees.Path("dc", "packages", "T", "tools", "0", "marathon.json.mustache"))
            .Should().Contain($"\"{Site.Host}/team/tools@{Tools.Index.Digest}\"").And.NotContain(SourceHost);
        JsonNode.Parse(File.ReadAllText(Trees.Path("dc", "images", "index.json")))!["manifests"]!.AsArray().Should().HaveCount(2);
        await ImageCommandRun.SkopeoAgreesAsync($"{Site.Host}/team/hello@{Hello.Index.Digest}", Hello.Index.Bytes);
    }

    [RegistryFact]
    public async Task ATamperedBlobInTheBundleIsAProblemAndThatImageIsNotPushed()
    {
        await MakeBundleAndLoseTheSourceAsync();
        var layer = Trees.Path("bundle", "images", "blobs", "sha256", Hello.Blobs["linux/arm64"][1].Digest["sha256:".Length..]);
        var bytes = File.ReadAllBytes(layer);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(layer, bytes);

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.ContentErrors, output + error);
        error.Should().Contain($"error: hello 1.0.0: resource.json /assets/container/docker/server: `{SourceHost}/team/hello:1.0`: ")
            .And.Contain(Hello.Blobs["linux/arm64"][1].Digest["sha256:".Length..]).And.Contain("the bundle holds content whose digest is").And.NotContain("not in the bundle's images");
        output.Should().Contain("(1 failed)").And.Contain($"1 pushed to {Site!.Host}");
        (await ImageCommandRun.ManifestAsync(Http, Site, "team/hello", "1.0")).Status.Should().Be(HttpStatusCode.NotFound);
        (await ImageCommandRun.ManifestAsync(Http, Site, "team/hello", Hello.Index.Digest)).Status.Should().Be(HttpStatusCode.NotFound);
        await ImageCommandRun.HoldsAsync(Http, Site, "team/tools", Tools, "2.0");
        ResourceImage().Should().Be($"{SourceHost}/team/hello:1.0", "an image not pushed keeps its original reference");
    }

    [RegistryFact]
    public async Task AnImageNotInTheBundleComesFromItsRegistryOrIsAProblemSayingSo()
    {
        await MakeBundleAndLoseTheSourceAsync(stopSource: false);
        var resourcePath = Trees.Path("bundle", "tree", "packages", "H", "hello", "0", "resource.json");
        var resource = JsonNode.Parse(File.ReadAllText(resourcePath))!;
        // The bundle holds tools:2.0, not tools:latest (the same image under another tag, still reachable), nor gone:1.0 (nowhere).
        resource["assets"]!["container"]!["docker"]!["extra"] = $"{SourceHost}/team/tools:latest";
        resource["assets"]!["container"]!["docker"]!["gone"] = $"{SourceHost}/team/gone:1.0";
        File.WriteAllText(resourcePath, resource.ToJsonString());
        await Tools.PushAsync(Http, Source!.Root, "team/tools", "latest");

        var (exit, output, error) = await PushFromBundleAsync();

        exit.Should().Be(ExitCodes.ContentErrors, output + error);
        error.Should().Contain($"error: hello 1.0.0: resource.json /assets/container/docker/gone: `{SourceHost}/team/gone:1.0`: ").And.Contain("404")
            .And.Contain($"; it is not in the bundle's images ({Trees.Path("bundle", "images")}) either");
        output.Should().Contain("images: 3 copied into").And.Contain("2 of them from the source bundle's images (1 failed)");
        ResourceImage("extra").Should().Be($"{Site!.Host}/team/tools@{Tools.Index.Digest}", "an image missing from the bundle is fetched from its registry when it can be reached");
    }
}
