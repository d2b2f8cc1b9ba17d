using System.Text.Json.Nodes;
using Pipeline.Build;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Mirror;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Resolution;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;
using Pipeline.Validation;

namespace Pipeline.Mirroring.Tests.Mirror;

public sealed class PackageMirrorTests : IAsyncLifetime, IDisposable
{
    private static readonly Uri BaseUrl = new("https://mirror.example.com/universe/");
    private readonly MirrorTrees _trees = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private StaticFileServer _repository = null!;
    private DownloadServer _files = null!;

    public async Task InitializeAsync()
    {
        _repository = await StaticFileServer.StartAsync();
        _files = await DownloadServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _repository.DisposeAsync();
        await _files.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _trees.Dispose();
    }

    private string SourceTree()
    {
        _trees.AddRevision("source", "hello", 0, "1.0.0");
        _trees.AddRevision("source", "hello", 1, "2.0.0");
        return _trees.AddRevision("source", "other", 0, "0.1.0");
    }

    private async Task<MirrorReport> MirrorAsync(string location, MirrorRequest request) =>
        await new PackageMirror(new VerifiedDownloader(_http, new DownloadOptions { RetryDelay = TimeSpan.Zero }))
            .RunAsync(await MirrorSource.OpenAsync(location, new ContentFetcher(_http)), request);

    private static IEnumerable<string> RevisionFolders(string treeRoot) =>
        PackageTreeReader.Read(treeRoot).Revisions.Select(r => r.RelativeDirectory);

    private static void ShouldBeClean(string treeRoot) =>
        TreeValidator.Validate(PackageTreeReader.Read(treeRoot)).Diagnostics.Should().BeEmpty();

    /// <summary>Builds <paramref name="tree"/> as `universe build` would and serves every file it wrote.</summary>
    private void Publish(string tree, string prefix)
    {
        var output = _trees.Path("built-" + prefix);
        RepositoryBuilder.BuildTo(PackageTreeReader.Read(tree), output, new BuildOptions { MaxDegreeOfParallelism = 1 });
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
            var mediaType = relative.StartsWith("repo-", StringComparison.Ordinal)
                ? "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v4" : "application/json";
            _repository.Add($"{prefix}/{relative}", File.ReadAllBytes(file), mediaType);
        }
    }

    [Fact]
    public async Task MirrorsEveryVersionOfTheNamedPackagesFromALocalTree()
    {
        var source = SourceTree();
        File.WriteAllText(Path.Combine(source, "packages", "H", "hello", "1", "README.md"), "# Hello\n");
        var target = _trees.Path("mirror");

        var report = await MirrorAsync(source, new MirrorRequest { Target = target, Includes = [new("hello", null)] });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        report.Validation!.Diagnostics.Should().BeEmpty();
        RevisionFolders(target).Should().Equal("packages/H/hello/0", "packages/H/hello/1");
        ShouldBeClean(target);
        File.ReadAllText(Path.Combine(target, "packages", "H", "hello", "1", "README.md")).Should().Be("# Hello\n");
        File.Exists(Path.Combine(target, MirrorManifest.FileName)).Should().BeTrue();
    }

    [Fact]
    public async Task NameAtVersionSelectsOneRevisionKeepingItsNumber()
    {
        var report = await MirrorAsync(SourceTree(), new MirrorRequest { Target = _trees.Path("mirror"), Includes = [new("hello", "2.0.0")] });

        report.Mirrored.Should().ContainSingle().Which.Revision.Should().Be(1);
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/H/hello/1");
        ShouldBeClean(_trees.Path("mirror"));
    }

    [Fact]
    public async Task AnUnknownPackageOrVersionIsReportedAndTheRestIsMirrored()
    {
        var report = await MirrorAsync(SourceTree(), new MirrorRequest
        {
            Target = _trees.Path("mirror"),
            Includes = [new("nothing", null), new("hello", "9.9"), new("other", null)],
        });

        report.Problems.Should().HaveCount(2);
        report.Problems.Should().Contain(p => p.Contains("`nothing` is not in the repository"));
        report.Problems.Should().Contain(p => p.Contains("no version `9.9`") && p.Contains("1.0.0, 2.0.0"));
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/O/other/0");
    }

    [Fact]
    public async Task MirrorsFromAnIndexServedOverHttp()
    {
        Publish(SourceTree(), "pub");

        var report = await MirrorAsync(new Uri(_repository.BaseUrl, "pub/index.json").AbsoluteUri, new MirrorRequest { Target = _trees.Path("mirror"), All = true });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/H/hello/0", "packages/H/hello/1", "packages/O/other/0");
        ShouldBeClean(_trees.Path("mirror"));
        File.ReadAllText(_trees.Path("mirror", "packages", "H", "hello", "1", "marathon.json.mustache")).Should().Be(MirrorTrees.Marathon);
    }

    [Fact]
    public async Task ADcosRepositoryKeepsItsReleaseVersionsAsRevisionNumbers()
    {
        _trees.AddRevision("source", "hello", 3, "1.0.0");
        var source = _trees.AddRevision("source", "hello", 7, "2.0.0");
        Publish(source, "dcos");
        var repositoryFile = Directory.EnumerateFiles(_trees.Path("built-dcos"), "repo-up-to-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).Last();

        var report = await MirrorAsync(new Uri(_repository.BaseUrl, "dcos/" + repositoryFile).AbsoluteUri,
            new MirrorRequest { Target = _trees.Path("mirror"), Includes = [new("hello", null)] });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/H/hello/3", "packages/H/hello/7");
        File.ReadAllText(_trees.Path("mirror", "packages", "H", "hello", "7", "package.json")).Should().Contain("2.0.0");
        ShouldBeClean(_trees.Path("mirror"));
    }

    [Fact]
    public async Task TwoRevisionsOfOneVersionInATreeAreBothMirrored()
    {
        _trees.AddRevision("source", "hello", 0, "1.0.0");
        var source = _trees.AddRevision("source", "hello", 1, "1.0.0");

        var report = await MirrorAsync(source, new MirrorRequest { Target = _trees.Path("mirror"), All = true });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/H/hello/0", "packages/H/hello/1");
    }

    [Fact]
    public async Task ADcosPackageWhoseTemplateIsNotBase64IsReportedAndTheRestIsMirrored()
    {
        var repository = JsonNode.Parse(TestTrees.DcosRepository(("broken", "1.0", 0), ("hello", "1.0", 0)))!;
        repository["packages"]![0]!["marathon"]!["v2AppMustacheTemplate"] = "%%%";
        var url = _repository.Add("dcos/universe.json", repository.ToJsonString(), "application/vnd.dcos.universe.repo+json;charset=utf-8;version=v5");

        var report = await MirrorAsync(url.AbsoluteUri, new MirrorRequest { Target = _trees.Path("mirror"), All = true });

        report.Problems.Should().ContainSingle().Which.Should().Be($"broken 1.0: {url}: broken 1.0: marathon.v2AppMustacheTemplate is not base64");
        RevisionFolders(_trees.Path("mirror")).Should().Equal("packages/H/hello/0");
    }

    [Fact]
    public void APackageWhoseRevisionsShareANumberIsNumberedFromZeroInReleaseOrder()
    {
        PackageSummary Summary(string name, string version, int release) => new(name, version, release, "4.0", null, [], false, false);
        var listing = new[] { Summary("hello", "2.0", 0), Summary("hello", "1.0", 0), Summary("other", "1.0", 5) };

        var selected = PackageSelection.Select(listing, new MirrorRequest { Target = _trees.Root, All = true }, []);

        selected.Select(r => (r.Name, r.Version, r.Revision)).Should().Equal(("hello", "1.0", 0), ("hello", "2.0", 1), ("other", "1.0", 5));
    }

    private string AssetTree(byte[] icon, byte[] collector, byte[] cli, string cliSha256)
    {
        _trees.AddRevision("assets", "hello", 0, "1.0.0",
            MirrorTrees.Resource(_files.Add("icons/hello.png", icon), _files.Add("dist/collector.tar.gz", collector)));
        return _trees.AddRevision("assets", "tool", 0, "1.0.0", MirrorTrees.CliResource(_files.Add("cli/dcos-tool", cli), cliSha256));
    }

    [Fact]
    public async Task AssetsAreDownloadedVerifiedAndTheirUrlsRewritten()
    {
        var (icon, collector, cli) = (MirrorTrees.Bytes(500, 1), MirrorTrees.Bytes(40_000, 2), MirrorTrees.Bytes(9_000, 3));
        var source = AssetTree(icon, collector, cli, MirrorTrees.Sha256(cli));
        var target = _trees.Path("mirror");

        var report = await MirrorAsync(source, new MirrorRequest { Target = target, All = true, Assets = true, BaseUrl = BaseUrl });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        report.Downloads.Should().HaveCount(3).And.OnlyContain(d => d.Succeeded);
        report.DownloadsSkipped.Should().Be(1, "the screenshot is the icon's URL, downloaded once");
        File.ReadAllBytes(Path.Combine(target, "assets", "hello", "1.0.0", "hello.png")).Should().Equal(icon);
        File.ReadAllBytes(Path.Combine(target, "assets", "hello", "1.0.0", "collector.tar.gz")).Should().Equal(collector);
        File.ReadAllBytes(Path.Combine(target, "assets", "tool", "1.0.0", "dcos-tool")).Should().Equal(cli);
        var hello = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "packages", "H", "hello", "0", "resource.json")))!;
        hello["images"]!["icon-small"]!.GetValue<string>().Should().Be("https://mirror.example.com/universe/assets/hello/1.0.0/hello.png");
        hello["images"]!["screenshots"]![0]!.GetValue<string>().Should().Be("https://mirror.example.com/universe/assets/hello/1.0.0/hello.png");
        hello["assets"]!["uris"]!["collector"]!.GetValue<string>().Should().Be("https://mirror.example.com/universe/assets/hello/1.0.0/collector.tar.gz");
        hello["assets"]!["container"]!["docker"]!["server"]!.GetValue<string>().Should().Be("example/hello:1.0");
        var tool = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "packages", "T", "tool", "0", "resource.json")))!;
        tool["cli"]!["binaries"]!["linux"]!["x86-64"]!["url"]!.GetValue<string>().Should().Be("https://mirror.example.com/universe/assets/tool/1.0.0/dcos-tool");
        report.DockerImages.Should().ContainSingle().Which.Reference.Should().Be("example/hello:1.0");
        File.ReadAllText(Path.Combine(target, MirrorManifest.FileName)).Should().Contain("example/hello:1.0").And.Contain(MirrorTrees.Sha256(cli));
        ShouldBeClean(target);
    }

    [Fact]
    public async Task ACorruptedAssetIsReportedNotInstalledAndRetriedByTheNextRun()
    {
        var cli = MirrorTrees.Bytes(9_000, 3);
        var source = AssetTree(MirrorTrees.Bytes(500, 1), MirrorTrees.Bytes(4_000, 2), MirrorTrees.Bytes(9_000, 4), MirrorTrees.Sha256(cli));
        var target = _trees.Path("mirror");
        var request = new MirrorRequest { Target = target, All = true, Assets = true, BaseUrl = BaseUrl };

        var report = await MirrorAsync(source, request);

        report.Succeeded.Should().BeFalse();
        report.Problems.Should().ContainSingle().Which.Should().Contain("tool 1.0.0").And.Contain("sha256 mismatch");
        File.Exists(Path.Combine(target, "assets", "tool", "1.0.0", "dcos-tool")).Should().BeFalse();
        var tool = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "packages", "T", "tool", "0", "resource.json")))!;
        tool["cli"]!["binaries"]!["linux"]!["x86-64"]!["url"]!.GetValue<string>().Should().StartWith(_files.BaseUrl.AbsoluteUri, "an asset that failed keeps its upstream URL");

        _files.Add("cli/dcos-tool", cli);
        var again = await MirrorAsync(source, request);

        again.Succeeded.Should().BeTrue(string.Join("; ", again.Problems));
        again.Skipped.Select(r => r.Name).Should().Equal("hello");
        again.Downloads.Should().ContainSingle().Which.Address.AbsolutePath.Should().Be("/cli/dcos-tool");
        File.ReadAllBytes(Path.Combine(target, "assets", "tool", "1.0.0", "dcos-tool")).Should().Equal(cli);
    }

    [Fact]
    public async Task ASecondRunSkipsWhatIsDoneWithoutFetchingIt()
    {
        var cli = MirrorTrees.Bytes(2_000, 3);
        Publish(AssetTree(MirrorTrees.Bytes(500, 1), MirrorTrees.Bytes(4_000, 2), cli, MirrorTrees.Sha256(cli)), "pub");
        var index = new Uri(_repository.BaseUrl, "pub/index.json").AbsoluteUri;
        var request = new MirrorRequest { Target = _trees.Path("mirror"), All = true, Assets = true, BaseUrl = BaseUrl };
        await MirrorAsync(index, request);
        var (repositoryRequests, fileRequests) = (_repository.Requests.Count, _files.Requests.Count);

        var again = await MirrorAsync(index, request);

        again.Succeeded.Should().BeTrue(string.Join("; ", again.Problems));
        again.Mirrored.Should().BeEmpty();
        again.Skipped.Should().HaveCount(2);
        _repository.Requests.Skip(repositoryRequests).Should().Equal("/pub/index.json");
        _files.Requests.Should().HaveCount(fileRequests, "every file was downloaded and verified by the first run");
        ShouldBeClean(_trees.Path("mirror"));
    }

    [Fact]
    public async Task AnInterruptedAssetDownloadResumesWhereItStopped()
    {
        var collector = MirrorTrees.Bytes(60_000, 2);
        var source = _trees.AddRevision("assets", "hello", 0, "1.0.0",
            MirrorTrees.Resource(_files.Add("icons/hello.png", MirrorTrees.Bytes(100, 1)), _files.Add("dist/collector.tar.gz", collector)));
        var target = _trees.Path("mirror");
        var part = Path.Combine(target, "assets", "hello", "1.0.0", "collector.tar.gz" + VerifiedDownloader.PartSuffix);
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        File.WriteAllBytes(part, collector[..25_000]);
        // As the interrupted run left it: the validator of the file the part was cut from.
        File.WriteAllText(part + PartValidator.Suffix, DownloadServer.ETagOf(collector));

        var report = await MirrorAsync(source, new MirrorRequest { Target = target, All = true, Assets = true, BaseUrl = BaseUrl });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        _files.Requests.Should().ContainSingle(r => r.Path == "/dist/collector.tar.gz").Which.Range.Should().Be("bytes=25000-");
        File.ReadAllBytes(Path.Combine(target, "assets", "hello", "1.0.0", "collector.tar.gz")).Should().Equal(collector);
    }

    [Fact]
    public async Task ABundleHoldsTheTreeAndTheBuiltSite()
    {
        var target = _trees.Path("bundle");

        var report = await MirrorAsync(SourceTree(), new MirrorRequest { Target = target, Includes = [new("hello", null)], Bundle = true });

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        ShouldBeClean(Path.Combine(target, "tree"));
        File.Exists(Path.Combine(target, "site", "index.json")).Should().BeTrue();
        File.Exists(Path.Combine(target, "site", "index.html")).Should().BeTrue();
        File.ReadAllText(Path.Combine(target, "site", "index.json")).Should().Contain("\"hello\"").And.NotContain("\"other\"");
        File.Exists(Path.Combine(target, MirrorManifest.FileName)).Should().BeTrue();
    }
}
