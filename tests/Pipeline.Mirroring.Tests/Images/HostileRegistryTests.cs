using System.Text;
using Pipeline.Mirroring.Images;
using Pipeline.Repositories.Fetching;
using Pipeline.Testing.Clocks;
using Pipeline.Testing.Registries;

namespace Pipeline.Mirroring.Tests.Images;

/// <summary>Registries that lie, oversize, redirect or demand tokens: each a bounded, clear failure, and nothing kept under a digest it is not.</summary>
public sealed class HostileRegistryTests : IDisposable
{
    private const string Password = "hunter2-very-secret";
    private readonly HttpClient _http = UpstreamClient.ForDownloads();
    private readonly string _bundle = Directory.CreateTempSubdirectory("universe-images-").FullName;
    private readonly TestImage _image = TestImage.Create("hostile");

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_bundle, recursive: true);
    }

    private string Blobs => Path.Combine(_bundle, "images", "blobs", "sha256");

    private async Task<ImageCopy> CopyAsync(FakeRegistry registry, string reference, RegistryCredentials? credentials = null, TimeProvider? time = null)
    {
        var limits = new RegistryLimits();
        var client = new RegistryClient(_http, new RegistryAuthenticator(_http, credentials ?? RegistryCredentials.None, limits), limits, time);
        return await new ImageCopier(client, new OciImageLayout(Path.Combine(_bundle, "images")), []).CopyAsync(ImageReference.Parse($"{registry.Host}/{reference}", out _)!, CancellationToken.None);
    }

    private RegistryCredentials Credentials(string host, string user, string password)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var path = Path.Combine(_bundle, "config.json");
        File.WriteAllText(path, new System.Text.Json.Nodes.JsonObject { ["auths"] = new System.Text.Json.Nodes.JsonObject { [host] = new System.Text.Json.Nodes.JsonObject { ["auth"] = encoded } } }.ToJsonString());
        return RegistryCredentials.Load(path);
    }

    [Fact]
    public async Task ABlobWhoseBytesAreNotItsDigestIsRefusedAndNotKept()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { CorruptBlobs = true });

        var act = () => CopyAsync(registry, "team/hello:1.0");

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("digest is sha256:").And.Contain("nothing was kept");
        Directory.EnumerateFiles(Blobs).Should().BeEmpty();
    }

    [Fact]
    public async Task ABlobLongerThanDeclaredIsCutOff()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { ExtraBlobBytes = 1 << 20 });

        var act = () => CopyAsync(registry, "team/hello:1.0");

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("more than the").And.Contain("bytes the manifest declares");
        Directory.EnumerateFiles(Blobs).Should().BeEmpty();
    }

    [Fact]
    public async Task AnOversizedManifestIsRefused()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { ManifestBytes = 5 * 1024 * 1024 });

        var act = () => CopyAsync(registry, "team/hello:1.0");

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("team/hello/manifests/1.0").And.Contain("4,194,304");
    }

    [Fact]
    public async Task AManifestThatIsNotTheDigestAskedForIsRefused()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { SwapManifests = true });

        var act = () => CopyAsync(registry, "team/hello:1.0");

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("the registry sent a manifest whose digest is").And.Contain("not the sha256:");
        Directory.EnumerateFiles(Blobs).Should().BeEmpty();
    }

    [Fact]
    public async Task AManifestThatIsNotTheDigestTheRegistryStatesIsRefused()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { ManifestBytes = 10 });

        var act = () => CopyAsync(registry, "team/hello:1.0");

        (await act.Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain($"says the manifest is {_image.Index.Digest} but its content is");
    }

    [Fact]
    public async Task ABearerChallengeIsAnsweredWithTheConfiguredCredentials()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { RequireToken = true, TokenCredential = $"robot:{Password}" });

        var copy = await CopyAsync(registry, "team/hello:1.0", Credentials(registry.Host, "robot", Password));

        copy.BlobsCopied.Should().Be(4);
        registry.Requests.Count(r => r.Path == "/token").Should().Be(1, "a token is kept for the run");
        registry.Requests.Where(r => r.Path.StartsWith("/v2/team/", StringComparison.Ordinal) && r.Authorization is not null)
            .Should().OnlyContain(r => r.Authorization == $"Bearer {FakeRegistry.Token}");
    }

    [Fact]
    public async Task RefusedCredentialsFailWithoutPrintingThem()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { RequireToken = true, TokenCredential = "robot:right" });

        var act = () => CopyAsync(registry, "team/hello:1.0", Credentials(registry.Host, "robot", Password));

        var message = (await act.Should().ThrowAsync<RegistryException>()).Which.Message;
        message.Should().Contain("token endpoint").And.Contain("401").And.Contain("with the user from the Docker config.json");
        message.Should().NotContain(Password).And.NotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"robot:{Password}")));
    }

    [Fact]
    public async Task WithoutCredentialsATokenIsAskedForAnonymously()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { RequireToken = true });

        var copy = await CopyAsync(registry, "team/hello:1.0");

        copy.Top.Digest.ToString().Should().Be(_image.Index.Digest);
        registry.Requests.Single(r => r.Path == "/token").Authorization.Should().BeNull();
    }

    [Fact]
    public async Task ARedirectedBlobIsFetchedWithoutTheRegistrysToken()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { RequireToken = true, RedirectBlobs = true });

        var copy = await CopyAsync(registry, "team/hello:1.0");

        copy.BlobsCopied.Should().Be(4);
        registry.Requests.Where(r => r.Path.StartsWith("/storage/", StringComparison.Ordinal)).Should().HaveCount(4).And.OnlyContain(r => r.Authorization == null);
    }

    [Fact]
    public async Task ABlobTransferThatStallsIsGivenUpAfterTheStallTimeout()
    {
        await using var registry = await FakeRegistry.StartAsync(_image, new FakeRegistryBehavior { StallBlobs = true });
        var clock = new TimerClock();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var copy = CopyAsync(registry, "team/hello:1.0", time: clock);
        await registry.BlobStalled.Task.WaitAsync(bound.Token);
        // Each chunk received pushes the timeout back; the clock is moved until the silence outlasts it.
        while (!copy.IsCompleted)
        {
            clock.Advance(new RegistryLimits().StallTimeout + TimeSpan.FromSeconds(1));
            await Task.WhenAny(copy, Task.Delay(20, bound.Token));
        }

        (await copy.Invoking(c => c).Should().ThrowAsync<RegistryException>()).Which.Message.Should().Contain("/blobs/sha256:").And.Contain("no data for 60 s");
        Directory.EnumerateFiles(Blobs).Should().BeEmpty();
    }
}
