using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pipeline.Diagnostics.Runs;
using Pipeline.Serving.Negotiation;
using Pipeline.Testing;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;
using Pipeline.Testing.Upstreams;

namespace Pipeline.Cli.Tests.Repo;

/// <summary>
/// The consuming commands on Universe's own build of the corpus, served from 127.0.0.1: as a
/// <c>/repo</c> endpoint that negotiates as Universe's server does, and as plain files.
/// </summary>
public sealed class DcosRepositoryCommandTests : IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;

    public DcosRepositoryCommandTests()
    {
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg") }, _trees.Root);
    }

    public void Dispose() => _trees.Dispose();

    private async Task<CliRun> RunAsync(params string[] args) => await CliRun.InAsync(_environment, args);

    /// <summary>Universe's server: the release from the User-Agent, the repository version from Accept.</summary>
    private static async Task<(HostileUpstream Server, List<string> Headers)> UniverseServerAsync()
    {
        var server = await HostileUpstream.StartAsync();
        var headers = new List<string>();
        server.Map("repo", async context =>
        {
            var userAgent = context.Request.Headers.UserAgent.ToString();
            var accept = context.Request.Headers.Accept.ToString();
            lock (headers) headers.Add($"{userAgent} | {accept}");
            var choice = RepositoryNegotiation.Choose(userAgent, accept);
            if (choice.Release is null)
            {
                context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
                return;
            }
            context.Response.ContentType = choice.ContentType;
            await context.Response.Body.WriteAsync(ReferenceRepository.ReadBytes($"repo-up-to-{choice.Release.Version}"), context.RequestAborted);
        });
        return (server, headers);
    }

    [CorpusFact]
    public async Task RepoAddNegotiatesARepoEndpointAsCosmosDoesAndSaysWhatItFound()
    {
        var (server, headers) = await UniverseServerAsync();
        await using var _ = server;
        using var newest = ReferenceRepository.ReadJson("repo-up-to-2.0");
        var revisions = newest.RootElement.GetProperty("packages").GetArrayLength();
        var packages = newest.RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Distinct().Count();

        var added = await RunAsync("repo", "add", "public", new Uri(server.BaseUrl, "repo").AbsoluteUri);

        added.ExitCode.Should().Be(0, added.Error);
        added.Out.Should().Contain($"added `public` (DC/OS repository v5, {revisions} revisions of {packages} packages, priority 0)");
        headers.Should().ContainSingle().Which.Should().Contain("dcos/2.0")
            .And.Contain("application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5, ")
            .And.Contain("version=v4;q=0.8").And.Contain("version=v3;q=0.7");
    }

    [CorpusFact]
    public async Task SearchDescribeVersionsAndRenderReadTheReferenceUniverse()
    {
        await using var server = await StaticFileServer.StartAsync();
        var url = server.Add("universe.json", ReferenceRepository.ReadBytes("universe"), ReferenceRepository.MediaType("universe"));
        using var reference = ReferenceRepository.ReadJson("universe");
        var jenkins = reference.RootElement.GetProperty("packages").EnumerateArray().Where(p => p.GetProperty("name").GetString() == "jenkins").ToArray();
        (await RunAsync("repo", "add", "public", url.AbsoluteUri)).Out.Should().Contain("DC/OS repository v5, 970 revisions of 120 packages");

        var search = await RunAsync("search", "jenkins");
        var versions = JsonNode.Parse((await RunAsync("versions", "jenkins", "--json")).Out)!;
        var describe = await RunAsync("describe", "jenkins@4.0.0-2.204.6");
        var render = await RunAsync("render", "jenkins@4.0.0-2.204.6");

        search.ExitCode.Should().Be(0, search.Error);
        search.Out.Should().MatchRegex(@"\njenkins +4\.0\.0-2\.204\.6 +public ");
        versions["resolvesIn"]!.GetValue<string>().Should().Be("public");
        versions["versions"]!.AsArray().Should().HaveCount(jenkins.Length, "every revision is listed, even two of one version");
        describe.ExitCode.Should().Be(0, describe.Error);
        describe.Out.Should().Contain("jenkins 4.0.0-2.204.6 (revision 200, packaging 3.0) from `public`")
            .And.Contain("service.name").And.Contain("jenkins-master.cpus");
        render.ExitCode.Should().Be(0, render.Error);
        var app = JsonNode.Parse(render.Out)!;
        app["id"]!.GetValue<string>().Should().Be("jenkins");
        app["labels"]!["DCOS_PACKAGE_VERSION"]!.GetValue<string>().Should().Be("4.0.0-2.204.6");
        app["labels"]!["DCOS_PACKAGE_SOURCE"]!.GetValue<string>().Should().Be(url.AbsoluteUri);
    }

    [CorpusFact]
    public async Task AVersion3FileWithoutAMediaTypeIsKnownByItsNameAndItsConfigTextsReadBack()
    {
        var file = _trees.Path("repo-up-to-1.9.json");
        File.WriteAllBytes(file, ReferenceRepository.ReadBytes("repo-up-to-1.9"));

        var added = await RunAsync("repo", "add", "old", file);
        var described = JsonNode.Parse((await RunAsync("describe", "marathon@1.4.13a", "--json")).Out)!;

        added.Out.Should().Contain("DC/OS repository v3");
        var original = JsonNode.Parse(ReferenceRepository.ReadBytes("universe"))!["packages"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "marathon" && p["releaseVersion"]!.GetValue<int>() == 33)!["config"];
        var escaped = JsonNode.Parse(ReferenceRepository.ReadBytes("repo-up-to-1.9"))!["packages"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "marathon" && p["releaseVersion"]!.GetValue<int>() == 33)!["config"];
        JsonNode.DeepEquals(escaped, original).Should().BeFalse("Universe escaped this config's texts for DC/OS before 1.10");
        JsonNode.DeepEquals(described["config"], original).Should().BeTrue("the escaping is taken out again when reading a v3 file");
    }
}
