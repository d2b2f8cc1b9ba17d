using Pipeline.Cli;
using Pipeline.Cli.Commands;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Downloads;

namespace Pipeline.Bumping.Tests;

/// <summary><c>universe bump</c> as a user runs it: output, what is written, exit codes.</summary>
public sealed class BumpCommandTests : IAsyncLifetime
{
    private DownloadServer _server = null!;
    private BumpTree _tree = null!;

    public async Task InitializeAsync()
    {
        _server = await DownloadServer.StartAsync();
        _server.ServeVersion2();
        _tree = new BumpTree(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _tree.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = ProcessEnvironment.Of(variables ?? new Dictionary<string, string>(), _tree.Root);
        var code = await Program.RunAsync(["bump", .. args], new CliConsole(output, error, IsTerminal: false), environment, default);
        return (code, output.ToString(), error.ToString());
    }

    private Task<(int Code, string Out, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    [Fact]
    public async Task A_bump_into_the_current_folders_universe_prints_the_changes_and_the_validation()
    {
        var (code, output, error) = await RunAsync("kafka", "--version", "2.0.0");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain($"bumped kafka 1.0.0 → 2.0.0: packages/K/kafka/1 in {_tree.Root} (from revision 0)")
            .And.Contain("  version 1.0.0 → 2.0.0")
            .And.Contain($"  cli.binaries.linux.x86-64 sha256 {AssetServing.Sha256(AssetServing.Cli)}")
            .And.Contain("validation (pull-request rules, this package): passed: 0 error(s)");
        File.Exists(_tree.In("packages/K/kafka/1/package.json")).Should().BeTrue();
    }

    [Fact]
    public async Task A_dry_run_shows_the_new_files_and_writes_nothing()
    {
        var before = _tree.Snapshot();

        var (code, output, error) = await RunAsync("kafka", "--version", "2.0.0", "--to", _tree.Root, "--dry-run");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("would bump kafka 1.0.0 → 2.0.0")
            .And.Contain("nothing was written; the new revision would hold:")
            .And.Contain("  packages/K/kafka/1/marathon.json.mustache (as in revision 0)")
            .And.Contain("  packages/K/kafka/1/package.json (edited)")
            .And.Contain("+  \"version\": \"2.0.0\",");
        _tree.Snapshot().Should().Equal(before);
    }

    [Fact]
    public async Task A_dry_run_shows_each_edit_as_a_line_diff_even_where_the_old_line_recurs_elsewhere()
    {
        // "0.9.0" is in upgradesFrom and in downgradesTo: the line that gains a comma must still show as changed.
        File.WriteAllText(_tree.In("packages/K/kafka/0/package.json"), BumpTree.PackageJson.Replace(
            "\"upgradesFrom\": [],", "\"upgradesFrom\": [\n    \"0.9.0\"\n  ],\n  \"downgradesTo\": [\n    \"0.9.0\"\n  ],", StringComparison.Ordinal));

        var (code, output, error) = await RunAsync("kafka", "--version", "2.0.0", "--dry-run");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("    -    \"0.9.0\"\n")
            .And.Contain("    +    \"0.9.0\",\n")
            .And.Contain("    +    \"1.0.0\"\n", "an item on its own line gets the next one on its own line")
            .And.Contain("    @@ ");
    }

    [Fact]
    public async Task A_resource_key_with_a_line_break_and_escapes_is_printed_on_its_own_line_made_visible()
    {
        // A universe's resource.json may name an asset anything JSON allows; the change line quotes the key.
        var resource = File.ReadAllText(_tree.In("packages/K/kafka/0/resource.json"))
            .Replace("\"jre-tgz\"", "\"jre\\u001b[2J\\n::error::forged\"", StringComparison.Ordinal)
            .Replace("files/jre-8.tgz", "files/kafka-1.0.0.tgz", StringComparison.Ordinal);
        File.WriteAllText(_tree.In("packages/K/kafka/0/resource.json"), resource);

        var (code, output, error) = await RunAsync("kafka", "--version", "2.0.0", "--dry-run");

        code.Should().Be(ExitCodes.Success, error);
        output.Should().Contain("::error::forged", "the key is shown")
            .And.NotContain("\n::error::forged").And.NotContain("\u001b");
    }

    [Fact]
    public async Task A_refused_bump_exits_1_saying_why()
    {
        var (code, output, error) = await RunAsync("kafka", "--version", "2.0.0", "--asset", "nothing=https://example.org/x");

        code.Should().Be(ExitCodes.ContentErrors);
        error.Should().StartWith("universe bump: --asset nothing: resource.json has no such asset");
        output.Should().BeEmpty();
    }

    [Fact]
    public async Task A_bump_that_does_not_validate_exits_1_with_the_diagnostics()
    {
        var (code, _, error) = await RunAsync("kafka", "--version", "2.0.0", "--set", "packagingVersion=\"9.9\"");

        code.Should().Be(ExitCodes.ContentErrors);
        error.Should().Contain("packages/K/kafka/1/package.json").And.Contain("was not kept");
        Directory.Exists(_tree.In("packages/K/kafka/1")).Should().BeFalse();
    }

    [Fact]
    public async Task An_asset_over_max_asset_size_exits_1()
    {
        var (code, _, error) = await RunAsync("kafka", "--version", "2.0.0", "--max-asset-size", "10B");

        code.Should().Be(ExitCodes.ContentErrors);
        error.Should().Contain("kafka-2.0.0.tgz").And.Contain("over the limit of 10");
    }

    [Theory]
    [InlineData(new[] { "--to", ".", "--universe", "acme/universe" }, "--universe and --to exclude each other")]
    [InlineData(new[] { "--max-asset-size", "lots" }, "--max-asset-size lots: expected a size")]
    [InlineData(new[] { "--universe", "acme/universe" }, "--universe needs GITHUB_TOKEN")]
    [InlineData(new[] { "--universe", "not a slug" }, "--universe:")]
    [InlineData(new[] { "--to", "/" }, "--to / is not a universe working tree")]
    public async Task Usage_mistakes_exit_2(string[] options, string message)
    {
        var (code, _, error) = await RunAsync(["kafka", "--version", "2.0.0", .. options]);

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain(message);
    }

    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("500M", 500L << 20)]
    [InlineData("2G", 2L << 30)]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("64kb", 64L << 10)]
    [InlineData("10B", 10L)]
    [InlineData("0", null)]
    [InlineData("B", null)]
    [InlineData("-1", null)]
    [InlineData("1T", null)]
    [InlineData("99999999999999G", null)]
    public void Sizes_are_read_as_people_write_them(string text, long? bytes) => ByteSize.Parse(text).Should().Be(bytes);
}
