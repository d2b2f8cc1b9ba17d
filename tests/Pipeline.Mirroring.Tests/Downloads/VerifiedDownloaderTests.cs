using Pipeline.Mirroring.Downloads;
using Pipeline.Testing.Downloads;

namespace Pipeline.Mirroring.Tests.Downloads;

public sealed class VerifiedDownloaderTests : IAsyncLifetime, IDisposable
{
    private readonly MirrorTrees _folders = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
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
