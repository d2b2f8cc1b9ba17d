using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Trees;
using Pipeline.Testing.Upstreams;

namespace Pipeline.Cli.Tests.Repo;

/// <summary>
/// DC/OS repositories that answer badly: each gives one clear line naming the location (and the
/// package where there is one), never a stack trace. What could not be read is added with a
/// warning and skipped by the commands; what was read and is no usable repository is refused.
/// </summary>
public sealed class HostileDcosRepositoryTests : IAsyncLifetime, IDisposable
{
    private const string V5 = "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5";
    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;
    private HostileUpstream _server = null!;

    public HostileDcosRepositoryTests()
    {
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg") }, _trees.Root);
    }

    public async Task InitializeAsync() => _server = await HostileUpstream.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _trees.Dispose();

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var run = await CliRun.InAsync(_environment, args);
        run.Error.Should().NotContain("   at ", "no stack trace");
        return run;
    }

    private Uri Serve(string path, string body, string mediaType = V5) => _server.Map(path, async context =>
    {
        context.Response.ContentType = mediaType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    });

    private static JsonObject Repository(params (string Name, string Version, int Release)[] packages) =>
        JsonNode.Parse(TestTrees.DcosRepository(packages))!.AsObject();

    [Fact]
    public async Task ARepoEndpointAnswering406IsAddedWithAWarningAndSkippedByTheCommands()
    {
        var url = _server.Map("repo", context =>
        {
            context.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            return Task.CompletedTask;
        });

        var added = await RunAsync("repo", "add", "public", url.AbsoluteUri);
        var search = await RunAsync("search");

        added.ExitCode.Should().Be(0);
        added.Error.Should().Contain($"warning: upstream {url}: the server answered 406 Not Acceptable; added without checking what it holds");
        added.Out.Should().Contain("added `public` (not checked, priority 0)");
        search.Error.Should().Contain($"warning: repository `public` skipped: upstream {url}: the server answered 406");
    }

    [Fact]
    public async Task ARepositoryVersionBeyondV5IsRefused()
    {
        var url = Serve("repo", TestTrees.DcosRepository(("hello", "1.0", 0)), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v6");

        var added = await RunAsync("repo", "add", "public", url.AbsoluteUri);

        added.ExitCode.Should().Be(2);
        added.Error.Trim().Should().Be($"universe: not added: {url}: DC/OS repository version v6 is not supported (v3, v4 and v5 are)");
        (await RunAsync("repo", "list")).Out.Should().Contain("no repositories configured");
    }

    [Fact]
    public async Task ABodyWithoutEndIsCutAtTheLimit()
    {
        var url = _server.EndlessBody("repo");

        var added = await RunAsync("repo", "add", "public", url.AbsoluteUri);

        added.ExitCode.Should().Be(0);
        added.Error.Should().Contain($"warning: upstream {url}: body over 67,108,864 bytes");
    }

    [Theory]
    [InlineData("""{"packages": {"hello": {}}}""", "`packages` is not an array")]
    [InlineData("""{"packages": [{"name": "hello", "version": "1.0", "releaseVersion": 0}, {"version": "2.0", "releaseVersion": 1}]}""", "packages[1] has no string `name`")]
    [InlineData("""{"packages": [{"name": "hello", "version": "1.0"}]}""", "packages[0] (hello 1.0) has no whole non-negative `releaseVersion`")]
    [InlineData("""{"packages": [3]}""", "packages[0] is not an object")]
    public async Task AMalformedPackageListIsRefusedNamingTheEntry(string body, string problem)
    {
        var url = Serve("repo", body);

        var added = await RunAsync("repo", "add", "public", url.AbsoluteUri);

        added.ExitCode.Should().Be(2);
        added.Error.Should().Contain($"universe: not added: {url}: not a usable DC/OS repository: {problem}");
    }

    [Fact]
    public async Task AZipIsRefusedAsUnsupported()
    {
        var url = _server.File("universe.zip", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0]);

        var added = await RunAsync("repo", "add", "public", url.AbsoluteUri);

        added.ExitCode.Should().Be(2);
        added.Error.Should().Contain("a zip archive (Universe's v2 repository layout) is not supported");
    }

    [Fact]
    public async Task ARepeatedNameAndVersionListsBothRevisionsAndResolvesToTheHigherOne()
    {
        var repository = Repository(("hello", "1.0", 3), ("hello", "1.0", 1));
        repository["packages"]![0]!["description"] = "the later revision";
        var url = Serve("repo", repository.ToJsonString());
        await RunAsync("repo", "add", "public", url.AbsoluteUri);

        var versions = JsonNode.Parse((await RunAsync("versions", "hello", "--json")).Out)!;
        var described = JsonNode.Parse((await RunAsync("describe", "hello@1.0", "--json")).Out)!;

        versions["versions"]!.AsArray().Select(v => v!["releaseVersion"]!.GetValue<int>()).Should().Equal(3, 1);
        described["releaseVersion"]!.GetValue<int>().Should().Be(3);
        described["package"]!["description"]!.GetValue<string>().Should().Be("the later revision");
    }

    [Fact]
    public async Task ATemplateThatIsNotBase64FailsRenderNamingThePackage()
    {
        var repository = Repository(("hello", "1.0", 0));
        repository["packages"]![0]!["marathon"]!["v2AppMustacheTemplate"] = "{not base64}";
        var url = Serve("repo", repository.ToJsonString());
        await RunAsync("repo", "add", "public", url.AbsoluteUri);

        var render = await RunAsync("render", "hello@1.0");

        render.ExitCode.Should().Be(2);
        render.Error.Should().Contain($"{url}: hello 1.0: marathon.v2AppMustacheTemplate is not base64")
            .And.Contain("hello 1.0 could not be fetched from `public`");
    }
}
