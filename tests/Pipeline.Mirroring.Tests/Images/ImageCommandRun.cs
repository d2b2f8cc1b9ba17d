using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Registries;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>What the <c>mirror --images</c> command tests share: the CLI run in a test folder, a tree naming two images, and what a registry holds.</summary>
internal static class ImageCommandRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(MirrorTrees trees, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["HOME"] = trees.Path("home") }, trees.Root);
        var exit = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), environment);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>hello names <c>HOST/team/hello:1.0</c> in resource.json (and renders it into marathon.json); tools writes <c>HOST/team/tools:2.0</c> literally in marathon.json.</summary>
    public static void AddHelloAndTools(MirrorTrees trees, string tree, string host)
    {
        var resource = new JsonObject { ["assets"] = new JsonObject { ["container"] = new JsonObject { ["docker"] = new JsonObject { ["server"] = $"{host}/team/hello:1.0" } } } };
        var root = trees.AddRevision(tree, "hello", 0, "1.0.0", resource);
        File.WriteAllText(Path.Combine(root, "packages", "H", "hello", "0", "marathon.json.mustache"),
            """{"id": "{{service.name}}", "cpus": 0.1, "mem": 32, "instances": 1, "container": {"type": "DOCKER", "docker": {"image": "{{resource.assets.container.docker.server}}"}}}""");
        trees.AddRevision(tree, "tools", 0, "2.0.0");
        File.WriteAllText(Path.Combine(root, "packages", "T", "tools", "0", "marathon.json.mustache"),
            """{"id": "{{service.name}}", "cpus": 0.1, "mem": 32, "instances": 1, "container": {"type": "MESOS", "docker": {"image": "HOST/team/tools:2.0"}}}""".Replace("HOST", host, StringComparison.Ordinal));
    }

    /// <summary>The manifest the registry holds under <paramref name="reference"/>: its status, and the digest and bytes of its body.</summary>
    public static async Task<(HttpStatusCode Status, string Digest, byte[] Body)> ManifestAsync(HttpClient http, DistributionRegistry registry, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry.Root, $"v2/{repository}/manifests/{reference}"));
        request.Headers.Accept.ParseAdd(TestImage.IndexType);
        request.Headers.Accept.ParseAdd(TestImage.ManifestType);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)), body);
    }

    /// <summary>Every manifest and blob of <paramref name="image"/> is in <paramref name="repository"/> by its digest, and <paramref name="tag"/> names its index.</summary>
    public static async Task HoldsAsync(HttpClient http, DistributionRegistry registry, string repository, TestImage image, string tag)
    {
        var index = await ManifestAsync(http, registry, repository, image.Index.Digest);
        index.Status.Should().Be(HttpStatusCode.OK, $"{repository}@{image.Index.Digest} should be on {registry.Host}");
        index.Body.Should().Equal(image.Index.Bytes);
        (await ManifestAsync(http, registry, repository, tag)).Digest.Should().Be(image.Index.Digest);
        foreach (var manifest in image.Manifests.Values) (await ManifestAsync(http, registry, repository, manifest.Digest)).Digest.Should().Be(manifest.Digest);
        foreach (var blob in image.AllBlobs)
        {
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(registry.Root, $"v2/{repository}/blobs/{blob.Digest}")));
            head.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    /// <summary>skopeo, an independent client, reads the pushed index back byte for byte (skipped where skopeo is absent).</summary>
    public static async Task SkopeoAgreesAsync(string reference, byte[] expected)
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
}
