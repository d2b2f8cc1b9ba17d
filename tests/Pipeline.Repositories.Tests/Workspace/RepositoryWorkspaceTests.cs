using Pipeline.Diagnostics.Runs;
using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Workspace;

namespace Pipeline.Repositories.Tests.Workspace;

public sealed class RepositoryWorkspaceTests
{
    private static ProcessEnvironment Environment(Dictionary<string, string>? variables = null) =>
        ProcessEnvironment.Of(variables ?? new Dictionary<string, string>(), "/home/dev/work");

    private static readonly RepositoryConfig Config = RepositoryConfig.Empty
        .Add(new RepositoryEntry("staging", "https://example.com/staging/index.json", 10), out _)!
        .Add(new RepositoryEntry("local", "/srv/universe", 0), out _)!;

    [Fact]
    public void TheConfigOptionIsTakenAgainstTheWorkingFolder() =>
        RepositoryWorkspace.ConfigPath("conf/repos.yaml", Environment(new() { ["XDG_CONFIG_HOME"] = "/xdg" })).Should().Be(Path.GetFullPath("/home/dev/work/conf/repos.yaml"));

    [Fact]
    public void WithoutTheOptionTheFileIsTheXdgDefault()
    {
        RepositoryWorkspace.ConfigPath(null, Environment(new() { ["XDG_CONFIG_HOME"] = "/xdg", ["HOME"] = "/home/dev" })).Should().Be("/xdg/universe/repositories.yaml");
        RepositoryWorkspace.ConfigPath(null, Environment(new() { ["XDG_CONFIG_HOME"] = "", ["HOME"] = "/home/dev" })).Should().Be("/home/dev/.config/universe/repositories.yaml");
        RepositoryWorkspace.ConfigPath(null, Environment()).Should().BeNull();
    }

    [Fact]
    public void ARepositoryNameLocatesItsConfiguredLocation() =>
        RepositoryWorkspace.Locate("staging", Config, Environment()).Should().Be("https://example.com/staging/index.json");

    [Fact]
    public void AnythingElseIsAUrlAsGivenOrAPathAgainstTheWorkingFolder()
    {
        RepositoryWorkspace.Locate("https://example.com/other/index.json", Config, Environment()).Should().Be("https://example.com/other/index.json");
        RepositoryWorkspace.Locate("../trees/universe", Config, Environment()).Should().Be(Path.GetFullPath("/home/dev/trees/universe"));
    }

    [Fact]
    public void TheSourceUriOfAPathIsAFileUrl()
    {
        RepositoryWorkspace.SourceUri(new RepositoryEntry("local", "/srv/universe", 0)).Should().Be("file:///srv/universe");
        RepositoryWorkspace.SourceUri(new RepositoryEntry("web", "https://example.com/a b/index.json", 0)).Should().Be("https://example.com/a%20b/index.json");
    }

    [Fact]
    public async Task TheResolverTriesTheHighestPriorityFirst()
    {
        using var http = new HttpClient();
        var resolver = RepositoryWorkspace.Resolver(RepositoryConfig.Empty
            .Add(new RepositoryEntry("low", "file:///nonexistent/low.json", 0), out _)!
            .Add(new RepositoryEntry("high", "file:///nonexistent/high.json", 5), out _)!, http);

        var search = await resolver.SearchAsync(null);

        search.Warnings.Select(w => w.Repository).Should().Equal("high", "low");
    }

    [Fact]
    public void AMissFromARepositoryThatCouldNotBeFetchedIsUnreachable()
    {
        var entry = new RepositoryEntry("web", "https://example.com/index.json", 0);
        var reference = PackageReference.Parse("hello")!;

        new ResolveResult(reference, null, entry, "could not be fetched", [new RepositoryWarning("web", "timed out")]).Unreachable.Should().BeTrue();
        new ResolveResult(reference, null, entry, "no such version", [new RepositoryWarning("other", "timed out")]).Unreachable.Should().BeFalse();
        new ResolveResult(reference, null, null, "not found", []).Unreachable.Should().BeFalse();
    }
}
