using Pipeline.Repositories.Configuration;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;

namespace Pipeline.Repositories.Tests;

public sealed class ResolutionTests : IAsyncLifetime, IDisposable
{
    private readonly TestTrees _trees = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private StaticFileServer _server = null!;

    public async Task InitializeAsync() => _server = await StaticFileServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _trees.Dispose();
    }

    private PackageResolver Resolver(params RepositoryEntry[] entries)
    {
        var fetcher = new ContentFetcher(_http);
        var config = new RepositoryConfig(entries);
        return new PackageResolver(config.ByPriority.Select(e => new ConfiguredSource(e, PackageSources.Create(e.Location, fetcher))).ToArray());
    }

    [Fact]
    public async Task NameResolvesInTheHighestPriorityRepositoryThatHasIt()
    {
        var low = _trees.AddRevision("low", "hello", 0, "1.0.0");
        _trees.AddRevision("low", "hello", 1, "2.0.0");
        var high = _trees.AddRevision("high", "hello", 0, "0.9.0", "High hello");
        _trees.AddRevision("low", "other", 0, "3.0.0");
        var resolver = Resolver(new("low", low, 1), new("high", high, 5));

        var hello = await resolver.ResolveAsync(new PackageReference("hello", null));
        var other = await resolver.ResolveAsync(new PackageReference("other", null));

        hello.Repository!.Name.Should().Be("high");
        hello.Package!.Version.Should().Be("0.9.0");
        other.Repository!.Name.Should().Be("low");
        other.Package!.Descriptors.Select(d => d.Name.OutputName).Should().BeEquivalentTo("marathon.json", "kubernetes.yaml");
    }

    [Fact]
    public async Task AVersionMustMatchExactlyInTheResolvingRepository()
    {
        var low = _trees.AddRevision("low", "hello", 0, "1.0.0");
        _trees.AddRevision("low", "hello", 1, "1.0.0-beta");
        var high = _trees.AddRevision("high", "hello", 3, "2.0");
        var resolver = Resolver(new("high", high, 5), new("low", low, 1));

        (await resolver.ResolveAsync(new PackageReference("hello", "2.0"))).Package!.ReleaseVersion.Should().Be(3);
        var prefix = await resolver.ResolveAsync(new PackageReference("hello", "2"));
        prefix.Found.Should().BeFalse();
        prefix.Problem.Should().Contain("no version `2` in `high`").And.Contain("versions there: 2.0");
        var shadowed = await resolver.ResolveAsync(new PackageReference("hello", "1.0.0"));
        shadowed.Found.Should().BeFalse();
        shadowed.Problem.Should().Contain("`low` has it but `high` takes precedence");
        (await resolver.ResolveAsync(new PackageReference("nothing", null))).Problem.Should().Contain("not found");
    }

    [Fact]
    public async Task SearchAndVersionsShowTheUnionWithTheirRepository()
    {
        var local = _trees.AddRevision("local", "hello", 0, "1.0.0");
        _trees.AddRevision("local", "zeta", 0, "1.0.0", "Another thing");
        var (index, document) = TestTrees.IndexFiles("hello", ("2.0.0", 4), ("1.5.0", 2));
        var indexUrl = _server.Add("pub/index.json", index);
        _server.Add("pub/package/hello.json", document);
        var dcosUrl = _server.Add("dcos/repo-up-to-1.12.json", TestTrees.DcosRepository(("hello", "0.1.0", 0), ("dcosonly", "5.0", 1)),
            "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");
        var resolver = Resolver(new("local", local, 10), new("published", indexUrl.AbsoluteUri, 5), new("dcos", dcosUrl.AbsoluteUri, 1));

        var search = await resolver.SearchAsync("hello");
        var versions = await resolver.VersionsAsync("hello");
        var all = await resolver.SearchAsync(null);

        search.Warnings.Should().BeEmpty();
        search.Packages.Select(p => (p.Package.Name, p.Package.Version, p.Repository))
            .Should().Equal(("hello", "1.0.0", "local"), ("hello", "2.0.0", "published"), ("hello", "0.1.0", "dcos"));
        all.Packages.Select(p => p.Package.Name).Should().Equal("dcosonly", "hello", "hello", "hello", "zeta");
        versions.ResolvesIn.Should().Be("local");
        versions.Versions.Select(v => (v.Package.Version, v.Repository))
            .Should().Equal(("1.0.0", "local"), ("2.0.0", "published"), ("1.5.0", "published"), ("0.1.0", "dcos"));
    }

    [Fact]
    public async Task IndexAndDcosRepositoriesProvideFullPackagesOverHttp()
    {
        var (index, document) = TestTrees.IndexFiles("hello", ("2.0.0", 4));
        var indexUrl = _server.Add("pub/index.json", index);
        _server.Add("pub/package/hello.json", document);
        var dcosUrl = _server.Add("dcos/universe.json", TestTrees.DcosRepository(("dcosonly", "5.0", 1)),
            "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4");
        var resolver = Resolver(new("published", indexUrl.AbsoluteUri, 5), new("dcos", dcosUrl.AbsoluteUri, 1));

        var fromIndex = await resolver.ResolveAsync(new PackageReference("hello", "2.0.0"));
        var fromDcos = await resolver.ResolveAsync(new PackageReference("dcosonly", null));

        fromIndex.Package!.ReleaseVersion.Should().Be(4);
        fromIndex.Package.Config.Should().NotBeNull();
        fromIndex.Package.Descriptors.Should().HaveCount(2);
        fromDcos.Package!.Marathon!.Template.Should().Be(TestTrees.Marathon, "the base64 template is decoded");
        fromDcos.Package.Package.ContainsKey("marathon").Should().BeFalse();
        _server.Requests.Should().Contain("/pub/package/hello.json");
    }

    [Fact]
    public async Task ADcosRepositoryFileOnDiskIsRead()
    {
        var file = _trees.Path("repo-up-to-1.9.json");
        await File.WriteAllTextAsync(file, TestTrees.DcosRepository(("hello", "1.0", 0)));
        var resolver = Resolver(new RepositoryEntry("disk", file, 0));

        (await resolver.ResolveAsync(new PackageReference("hello", "1.0"))).Package!.Name.Should().Be("hello");
    }

    [Fact]
    public async Task AnUnreachableRepositoryIsReportedAndSkipped()
    {
        var local = _trees.AddRevision("local", "hello", 0, "1.0.0");
        var closed = $"http://127.0.0.1:{TestTrees.ClosedPort()}/index.json";
        var missing = new Uri(_server.BaseUrl, "nothing/index.json").AbsoluteUri;
        var resolver = Resolver(new("down", closed, 100), new("gone", missing, 50), new("local", local, 0));

        var resolved = await resolver.ResolveAsync(new PackageReference("hello", null));
        var search = await resolver.SearchAsync(null);

        resolved.Package!.Version.Should().Be("1.0.0");
        resolved.Warnings.Select(w => w.Repository).Should().Equal("down", "gone");
        resolved.Warnings[1].Message.Should().Contain("404");
        search.Packages.Should().ContainSingle().Which.Repository.Should().Be("local");
        search.Warnings.Should().HaveCount(2);
    }

    [Fact]
    public async Task AnUnsupportedDcosRepositoryVersionIsReported()
    {
        var url = _server.Add("v2.json", TestTrees.DcosRepository(("hello", "1.0", 0)), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v2");
        var resolver = Resolver(new RepositoryEntry("old", url.AbsoluteUri, 0));

        var search = await resolver.SearchAsync(null);

        search.Warnings.Should().ContainSingle().Which.Message.Should().Contain("version v2 is not supported");
    }
}
