using Pipeline.Mirroring.Downloads;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.Downloads;

public sealed class VerifiedDownloaderTests : IAsyncLifetime, IDisposable
{
    private readonly MirrorTrees _folders = new();
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private DownloadServer _server = null!;

    public async Task InitializeAsync() => _server = await DownloadServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _folders.Dispose();
    }

    private VerifiedDownloader Downloader(int attempts = 3, long maxBytes = 1 << 24) =>
        new(_http, new DownloadOptions { RetryDelay = TimeSpan.Zero, MaxAttempts = attempts, MaxBytes = maxBytes });

    [Fact]
    public async Task PutsTheFileInPlaceWhenItsDigestMatches()
    {
        var content = MirrorTrees.Bytes(100_000);
        var url = _server.Add("files/a.bin", content);
        var destination = _folders.Path("out", "a.bin");

        var result = await Downloader().DownloadAsync(url, destination, MirrorTrees.Sha256(content).ToUpperInvariant());

        result.Succeeded.Should().BeTrue(result.Problem);
        result.Sha256.Should().Be(MirrorTrees.Sha256(content));
        File.ReadAllBytes(destination).Should().Equal(content);
        File.Exists(destination + VerifiedDownloader.PartSuffix).Should().BeFalse();
    }

    [Fact]
    public async Task ACorruptedFileIsNeverPutInPlace()
    {
        var expected = MirrorTrees.Bytes(5_000, seed: 1);
        var url = _server.Add("files/corrupt.bin", MirrorTrees.Bytes(5_000, seed: 2));
        var destination = _folders.Path("out", "corrupt.bin");

        var result = await Downloader().DownloadAsync(url, destination, MirrorTrees.Sha256(expected));

        result.Succeeded.Should().BeFalse();
        result.HashMismatch.Should().BeTrue();
        result.Problem.Should().Contain("sha256 mismatch").And.Contain(MirrorTrees.Sha256(expected));
        File.Exists(destination).Should().BeFalse();
        File.Exists(destination + VerifiedDownloader.PartSuffix).Should().BeFalse();
    }

    [Fact]
    public async Task AnInterruptedDownloadResumesFromItsPartFileWithARangeRequest()
    {
        var content = MirrorTrees.Bytes(50_000);
        var url = _server.Add("files/big.bin", content);
        var destination = _folders.Path("out", "big.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination + VerifiedDownloader.PartSuffix, content[..20_000]);

        var result = await Downloader().DownloadAsync(url, destination, MirrorTrees.Sha256(content));

        result.Succeeded.Should().BeTrue(result.Problem);
        result.Resumed.Should().BeTrue();
        _server.Requests.Should().ContainSingle().Which.Range.Should().Be("bytes=20000-");
        File.ReadAllBytes(destination).Should().Equal(content);
    }

    [Fact]
    public async Task AServerWithoutRangesGetsTheWholeFileAgain()
    {
        var content = MirrorTrees.Bytes(30_000);
        var url = _server.Add("files/norange.bin", content, new DownloadBehavior { SupportsRange = false });
        var destination = _folders.Path("out", "norange.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination + VerifiedDownloader.PartSuffix, MirrorTrees.Bytes(10_000, seed: 9));

        var result = await Downloader().DownloadAsync(url, destination, MirrorTrees.Sha256(content));

        result.Succeeded.Should().BeTrue(result.Problem);
        result.Resumed.Should().BeFalse();
        File.ReadAllBytes(destination).Should().Equal(content);
    }

    [Fact]
    public async Task ADroppedConnectionIsContinuedOnTheNextAttempt()
    {
        var content = MirrorTrees.Bytes(200_000);
        var url = _server.Add("files/drop.bin", content, new DownloadBehavior { TruncatedResponses = 1, TruncateAt = 64_000 });
        var destination = _folders.Path("out", "drop.bin");

        var result = await Downloader().DownloadAsync(url, destination, MirrorTrees.Sha256(content));

        result.Succeeded.Should().BeTrue(result.Problem);
        result.Resumed.Should().BeTrue();
        var requests = _server.Requests;
        requests.Should().HaveCount(2);
        requests[0].Range.Should().BeNull();
        requests[1].Range.Should().MatchRegex("^bytes=[1-9][0-9]*-$");
        File.ReadAllBytes(destination).Should().Equal(content);
    }

    /// <summary>A run cut short at 40,000 bytes of <paramref name="first"/> leaves its part; then the server's file becomes <paramref name="second"/>.</summary>
    private async Task<(Uri Url, string Destination)> CutShortThenChangedAsync(string name, byte[] first, byte[] second, DownloadBehavior changed)
    {
        var url = _server.Add("files/" + name, first, new DownloadBehavior { TruncatedResponses = 1, TruncateAt = 40_000 });
        var destination = _folders.Path("out", name);
        var cut = await Downloader(attempts: 1).DownloadAsync(url, destination, expectedSha256: null);
        cut.Succeeded.Should().BeFalse("the first run was cut short");
        _server.Add("files/" + name, second, changed);
        return (url, destination);
    }

    [Fact]
    public async Task AResumeSendsIfRangeAndAFileChangedOnTheServerIsFetchedWholeNotSpliced()
    {
        var first = MirrorTrees.Bytes(100_000, seed: 1);
        var second = MirrorTrees.Bytes(100_000, seed: 2);
        var (url, destination) = await CutShortThenChangedAsync("moving.bin", first, second, new DownloadBehavior());

        var result = await Downloader(attempts: 1).DownloadAsync(url, destination, expectedSha256: null);

        result.Succeeded.Should().BeTrue(result.Problem);
        var resumed = _server.Requests[^1];
        resumed.Range.Should().MatchRegex("^bytes=[1-9][0-9]*-$");
        resumed.IfRange.Should().Be(DownloadServer.ETagOf(first), "the validator of the first attempt was kept beside the part");
        result.Resumed.Should().BeFalse();
        result.Sha256.Should().Be(MirrorTrees.Sha256(second));
        File.ReadAllBytes(destination).Should().Equal(second);
        File.Exists(destination + VerifiedDownloader.PartSuffix + PartValidator.Suffix).Should().BeFalse();
    }

    [Fact]
    public async Task A206ForAChangedFileIsThrownAwayAndTheDownloadStartsOver()
    {
        var second = MirrorTrees.Bytes(100_000, seed: 4);
        var (url, destination) = await CutShortThenChangedAsync("ignores.bin", MirrorTrees.Bytes(100_000, seed: 3), second, new DownloadBehavior { IgnoresIfRange = true });

        var result = await Downloader(attempts: 2).DownloadAsync(url, destination, expectedSha256: null);

        result.Succeeded.Should().BeTrue(result.Problem);
        var requests = _server.Requests;
        requests[^2].Range.Should().NotBeNull("the second run tried to resume");
        requests[^1].Range.Should().BeNull("the changed validator made it start over");
        File.ReadAllBytes(destination).Should().Equal(second);
    }

    [Fact]
    public async Task APartWithoutValidatorOrDigestIsNotResumed()
    {
        var content = MirrorTrees.Bytes(30_000, seed: 5);
        var url = _server.Add("files/unknown.bin", content);
        var destination = _folders.Path("out", "unknown.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination + VerifiedDownloader.PartSuffix, MirrorTrees.Bytes(10_000, seed: 6));

        var result = await Downloader().DownloadAsync(url, destination, expectedSha256: null);

        result.Succeeded.Should().BeTrue(result.Problem);
        _server.Requests.Should().ContainSingle().Which.Range.Should().BeNull();
        File.ReadAllBytes(destination).Should().Equal(content);
    }

    [Fact]
    public async Task ARedirectToFileIsRefusedWithoutRetrying()
    {
        await using var upstream = await Pipeline.Testing.Upstreams.HostileUpstream.StartAsync();
        var url = upstream.Redirect("files/elsewhere.bin", "file:///etc/passwd");

        var result = await Downloader().DownloadAsync(url, _folders.Path("out", "elsewhere.bin"), expectedSha256: null);

        result.Succeeded.Should().BeFalse();
        result.Problem.Should().Contain("file:///etc/passwd").And.Contain("refused");
        upstream.Count("files/elsewhere.bin").Should().Be(1);
    }

    [Fact]
    public async Task ATruncatedDownloadWithoutRetriesLeftInstallsNothingAndKeepsItsPart()
    {
        var content = MirrorTrees.Bytes(100_000);
        var url = _server.Add("files/cut.bin", content, new DownloadBehavior { TruncatedResponses = 5, TruncateAt = 1_000 });
        var destination = _folders.Path("out", "cut.bin");

        var result = await Downloader(attempts: 2).DownloadAsync(url, destination, MirrorTrees.Sha256(content));

        result.Succeeded.Should().BeFalse();
        result.Problem.Should().Contain("gave up after 2 attempts");
        File.Exists(destination).Should().BeFalse();
        File.Exists(destination + VerifiedDownloader.PartSuffix).Should().BeTrue("a later run resumes it");
    }

    [Fact]
    public async Task ServerErrorsAreRetriedAndClientErrorsAreNot()
    {
        var content = MirrorTrees.Bytes(1_000);
        var flaky = _server.Add("files/flaky.bin", content, new DownloadBehavior { FailuresFirst = 2 });

        var retried = await Downloader().DownloadAsync(flaky, _folders.Path("out", "flaky.bin"), null);
        var missing = await Downloader().DownloadAsync(new Uri(_server.BaseUrl, "files/missing.bin"), _folders.Path("out", "missing.bin"), null);

        retried.Succeeded.Should().BeTrue(retried.Problem);
        _server.Count("files/flaky.bin").Should().Be(3);
        missing.Problem.Should().Contain("404");
        _server.Count("files/missing.bin").Should().Be(1);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefused()
    {
        var url = _server.Add("files/huge.bin", MirrorTrees.Bytes(10_000));

        var result = await Downloader(maxBytes: 4_096).DownloadAsync(url, _folders.Path("out", "huge.bin"), null);

        result.Problem.Should().Contain("larger than the limit");
        File.Exists(_folders.Path("out", "huge.bin")).Should().BeFalse();
    }
}
