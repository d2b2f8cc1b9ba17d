using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Mirror;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Mirror;

/// <summary>
/// `mirror --assets` downloading several files at once: the bound holds across revisions (counted
/// at the server, whose gate holds every response until the test lets it go), and the result is
/// the one a sequential run gives.
/// </summary>
public sealed class ConcurrentMirrorTests : IAsyncLifetime, IDisposable
{
    private static readonly Uri BaseUrl = new("https://mirror.example.com/universe/");
    private readonly MirrorTrees _trees = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private DownloadServer _files = null!;

    public async Task InitializeAsync() => _files = await DownloadServer.StartAsync();

    public async Task DisposeAsync() => await _files.DisposeAsync();

    public void Dispose()
    {
        _timeout.Dispose();
        _http.Dispose();
        _trees.Dispose();
    }

    private async Task<MirrorReport> MirrorAsync(string tree, MirrorRequest request, IMirrorObserver? observer = null, CancellationToken cancellationToken = default) =>
        await new PackageMirror(new VerifiedDownloader(_http, new DownloadOptions { RetryDelay = TimeSpan.Zero }), observer)
            .RunAsync(await MirrorSource.OpenAsync(tree, new ContentFetcher(_http)), request, cancellationToken);

    private MirrorRequest Request(string target, int concurrency) =>
        new() { Target = _trees.Path(target), All = true, Assets = true, BaseUrl = BaseUrl, Concurrency = concurrency };

    private static JsonObject Uris(params Uri[] urls) => new()
    {
        ["assets"] = new JsonObject { ["uris"] = new JsonObject(urls.Select((u, i) => KeyValuePair.Create($"file{i}", (JsonNode?)u.AbsoluteUri))) },
    };

    /// <summary>A tree of <paramref name="count"/> packages (pkg0, pkg1...) with one file each, served as files/pkgN.bin.</summary>
    private string OneFileEach(int count, int size = 3_000, DownloadBehavior? behavior = null)
    {
        for (var i = 0; i < count; i++)
        {
            _trees.AddRevision("source", $"pkg{i}", 0, "1.0.0", Uris(_files.Add($"files/pkg{i}.bin", MirrorTrees.Bytes(size, i), behavior)));
        }
        return _trees.Path("source");
    }

    /// <summary>Lets the held responses go one at a time, each once <paramref name="bound"/> are held (or all that are left).</summary>
    private async Task ReleaseOneAtATimeAsync(int bound, int total, bool newestFirst = false)
    {
        for (var remaining = total; remaining > 0; remaining--)
        {
            await _files.Gate.WaitUntilHeldAsync(Math.Min(bound, remaining), _timeout.Token);
            var held = _files.Gate.Held;
            _files.Gate.Release(newestFirst ? held[^1] : held[0]);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task DownloadsRunUpToTheBoundAtOnceAcrossRevisionsAndNeverMore(int concurrency)
    {
        var source = OneFileEach(9);
        _files.Gate.Close();

        var mirror = MirrorAsync(source, Request("mirror", concurrency));
        await ReleaseOneAtATimeAsync(concurrency, 9);
        var report = await mirror;

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        report.Downloads.Should().HaveCount(9).And.OnlyContain(d => d.Succeeded);
        _files.Gate.MaxHeld.Should().Be(concurrency, "each revision has one file: only a bound across revisions has several in flight");
    }

    [Fact]
    public async Task ConcurrencyOneDownloadsOneFileAtATimeInRevisionOrder()
    {
        var source = OneFileEach(4);
        _files.Gate.Close();

        var mirror = MirrorAsync(source, Request("mirror", 1));
        await ReleaseOneAtATimeAsync(1, 4);
        (await mirror).Succeeded.Should().BeTrue();

        _files.Gate.MaxHeld.Should().Be(1);
        _files.Requests.Select(r => r.Path).Should().Equal("/files/pkg0.bin", "/files/pkg1.bin", "/files/pkg2.bin", "/files/pkg3.bin");
    }

    [Fact]
    public async Task TheManifestAndResourceFilesAreThoseOfASequentialRunWhateverOrderDownloadsFinishIn()
    {
        var shared = _files.Add("common/logo.png", MirrorTrees.Bytes(700, 90));
        for (var i = 0; i < 5; i++)
        {
            // Two URLs with one file name in a version (numbered), and a logo every package shares.
            _trees.AddRevision("source", $"pkg{i}", 0, "1.0.0", Uris(_files.Add($"a/{i}/data.tgz", MirrorTrees.Bytes(2_000 + i, i)),
                _files.Add($"b/{i}/data.tgz", MirrorTrees.Bytes(1_000 + i, 10 + i)), shared));
        }
        var sequential = await MirrorAsync(_trees.Path("source"), Request("sequential", 1));
        _files.Gate.Close();

        var mirror = MirrorAsync(_trees.Path("source"), Request("concurrent", 4));
        await ReleaseOneAtATimeAsync(4, 11, newestFirst: true);
        var concurrent = await mirror;

        sequential.Succeeded.Should().BeTrue(string.Join("; ", sequential.Problems));
        concurrent.Succeeded.Should().BeTrue(string.Join("; ", concurrent.Problems));
        _files.Gate.MaxHeld.Should().Be(4);
        foreach (var file in Directory.EnumerateFiles(_trees.Path("sequential"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_trees.Path("sequential"), file);
            File.ReadAllBytes(Path.Combine(_trees.Path("concurrent"), relative)).Should().Equal(File.ReadAllBytes(file), relative);
        }
        Directory.EnumerateFiles(_trees.Path("concurrent"), "*", SearchOption.AllDirectories).Should().HaveSameCount(
            Directory.EnumerateFiles(_trees.Path("sequential"), "*", SearchOption.AllDirectories));
        File.ReadAllText(_trees.Path("concurrent", "packages", "P", "pkg3", "0", "resource.json")).Should()
            .Contain("assets/pkg3/1.0.0/data.tgz").And.Contain("assets/pkg3/1.0.0/2-data.tgz").And.Contain("assets/pkg0/1.0.0/logo.png");
    }

    [Fact]
    public async Task AUrlInTwoRevisionsIsDownloadedOnceAndBothPointAtIt()
    {
        var shared = _files.Add("dist/shared.tgz", MirrorTrees.Bytes(5_000, 7));
        _trees.AddRevision("source", "hello", 0, "1.0.0", Uris(shared));
        var source = _trees.AddRevision("source", "other", 0, "2.0.0", Uris(shared));

        var report = await MirrorAsync(source, Request("mirror", 4));

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        _files.Count("dist/shared.tgz").Should().Be(1);
        report.Downloads.Should().ContainSingle();
        report.DownloadsSkipped.Should().Be(1);
        foreach (var resource in new[] { _trees.Path("mirror", "packages", "H", "hello", "0", "resource.json"), _trees.Path("mirror", "packages", "O", "other", "0", "resource.json") })
        {
            JsonNode.Parse(File.ReadAllText(resource))!["assets"]!["uris"]!["file0"]!.GetValue<string>()
                .Should().Be("https://mirror.example.com/universe/assets/hello/1.0.0/shared.tgz");
        }
        Directory.Exists(_trees.Path("mirror", "assets", "other")).Should().BeFalse();
    }

    [Fact]
    public async Task ASecondRevisionExpectingAnotherDigestOfASharedUrlFailsAlone()
    {
        var cli = MirrorTrees.Bytes(4_000, 60);
        var url = _files.Add("cli/shared", cli);
        _trees.AddRevision("source", "good", 0, "1.0.0", MirrorTrees.CliResource(url, MirrorTrees.Sha256(cli)));
        var source = _trees.AddRevision("source", "stale", 0, "1.0.0", MirrorTrees.CliResource(url, MirrorTrees.Sha256(MirrorTrees.Bytes(4_000, 61))));

        var report = await MirrorAsync(source, Request("mirror", 4));

        _files.Count("cli/shared").Should().Be(1);
        report.Problems.Should().ContainSingle().Which.Should().StartWith("stale 1.0.0: /cli/binaries/linux/x86-64/url:").And.Contain("sha256 mismatch");
        MirrorManifest.Load(_trees.Path("mirror", MirrorManifest.FileName)).Revisions.Select(r => r.Name).Should().Equal("good");
        File.ReadAllText(_trees.Path("mirror", "packages", "S", "stale", "0", "resource.json")).Should().Contain(url.AbsoluteUri);
    }

    [Fact]
    public async Task ALyingAssetAmongConcurrentOnesFailsOnlyItsRevision()
    {
        OneFileEach(5);
        var cli = MirrorTrees.Bytes(6_000, 50);
        var source = _trees.AddRevision("source", "liar", 0, "1.0.0", MirrorTrees.CliResource(_files.Add("cli/liar", cli), MirrorTrees.Sha256(MirrorTrees.Bytes(6_000, 51))));

        var report = await MirrorAsync(source, Request("mirror", 4));

        report.Problems.Should().ContainSingle().Which.Should().StartWith("liar 1.0.0: /cli/binaries/linux/x86-64/url:").And.Contain("sha256 mismatch");
        report.Mirrored.Should().HaveCount(6);
        var manifest = MirrorManifest.Load(_trees.Path("mirror", MirrorManifest.FileName));
        manifest.Revisions.Select(r => r.Name).Should().BeEquivalentTo(["pkg0", "pkg1", "pkg2", "pkg3", "pkg4"], "the liar is written pointing upstream, not recorded as done");
        File.ReadAllText(_trees.Path("mirror", "packages", "L", "liar", "0", "resource.json")).Should().Contain(_files.BaseUrl.AbsoluteUri);
        File.ReadAllText(_trees.Path("mirror", "packages", "P", "pkg4", "0", "resource.json")).Should().Contain(BaseUrl.AbsoluteUri);
        File.Exists(_trees.Path("mirror", "assets", "liar", "1.0.0", "liar")).Should().BeFalse();
    }

    [Fact]
    public async Task CancellingStopsEveryDownloadAndTheNextRunResumesTheParts()
    {
        var source = OneFileEach(3, size: 40_000, new DownloadBehavior { HeldAfter = 10_000 });
        _files.Gate.Close();
        var observer = new ReceivedObserver(10_000, 2);
        using var cancel = new CancellationTokenSource();

        var mirror = MirrorAsync(source, Request("mirror", 2), observer, cancel.Token);
        await observer.Reached.Task.WaitAsync(_timeout.Token);
        await cancel.CancelAsync();

        await mirror.Invoking(m => m).Should().ThrowAsync<OperationCanceledException>();
        foreach (var name in new[] { "pkg0", "pkg1" })
        {
            new FileInfo(_trees.Path("mirror", "assets", name, "1.0.0", $"{name}.bin{VerifiedDownloader.PartSuffix}")).Length.Should().Be(10_000);
        }
        _files.Count("files/pkg2.bin").Should().Be(0, "the third download waited for a slot and was cancelled there");
        File.Exists(_trees.Path("mirror", "packages", "P", "pkg0", "0", "resource.json")).Should().BeFalse();

        _files.Gate.Open();
        var again = await MirrorAsync(source, Request("mirror", 2));

        again.Succeeded.Should().BeTrue(string.Join("; ", again.Problems));
        _files.Requests.Where(r => r.Path is "/files/pkg0.bin" or "/files/pkg1.bin" && r.Range is not null).Select(r => r.Range).Should().Equal("bytes=10000-", "bytes=10000-");
        File.ReadAllBytes(_trees.Path("mirror", "assets", "pkg1", "1.0.0", "pkg1.bin")).Should().Equal(MirrorTrees.Bytes(40_000, 1));
    }

    [Fact]
    public async Task AManifestPathOutsideTheAssetsFolderIsNotFollowed()
    {
        var source = OneFileEach(1);
        var target = _trees.Path("mirror");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, MirrorManifest.FileName),
            $$"""{"assets": [{"url": "{{_files.BaseUrl}}files/pkg0.bin", "path": "../escaped.bin", "sha256": "{{MirrorTrees.Sha256(MirrorTrees.Bytes(3_000, 0))}}", "bytes": 3000}]}""");

        var report = await MirrorAsync(source, Request("mirror", 2));

        report.Succeeded.Should().BeTrue(string.Join("; ", report.Problems));
        File.Exists(_trees.Path("escaped.bin")).Should().BeFalse();
        File.ReadAllBytes(_trees.Path("mirror", "assets", "pkg0", "1.0.0", "pkg0.bin")).Should().Equal(MirrorTrees.Bytes(3_000, 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task AConcurrencyOutsideOneToThirtyTwoIsRefused(int concurrency)
    {
        var source = OneFileEach(1);

        await FluentActions.Awaiting(() => MirrorAsync(source, Request("mirror", concurrency))).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>Completes <see cref="Reached"/> once <c>files</c> downloads have each received <c>bytes</c>.</summary>
    private sealed class ReceivedObserver(long bytes, int files) : IMirrorObserver
    {
        private readonly ConcurrentDictionary<Uri, bool> _reached = new();

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void DownloadProgressed(DownloadProgress progress)
        {
            if (progress.Received >= bytes && _reached.TryAdd(progress.Address, true) && _reached.Count >= files) Reached.TrySetResult();
        }
    }
}
