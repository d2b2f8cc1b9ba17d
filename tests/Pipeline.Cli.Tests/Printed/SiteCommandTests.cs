using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Site;
using Pipeline.Testing;
using Pipeline.Testing.Trees;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// Every command the site prints, run as a user would after adding the tree as a repository:
/// the site of a small tree (with a version only quoting keeps whole) and of the example packages
/// is generated, its commands are read back from the HTML, and each <c>universe</c> command runs
/// in-process against a configuration under a temp XDG_CONFIG_HOME.
/// </summary>
public sealed class SiteCommandTests : IDisposable
{
    // Blanks, a quote, a dollar and a glob: each would break an unquoted shell word.
    private const string OddVersion = "2.0 rc'1 $HOME*";

    private readonly TestTrees _trees = new();
    private readonly ProcessEnvironment _environment;

    public SiteCommandTests()
    {
        Directory.CreateDirectory(_trees.Path("work"));
        _environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = _trees.Path("xdg"), ["HOME"] = _trees.Path("home") }, _trees.Path("work"));
    }

    public void Dispose() => _trees.Dispose();

    [Fact]
    public async Task EveryCommandOnTheSiteOfASmallTreeRuns()
    {
        _trees.AddRevision("tree", "hello", 0, "1.0.0");
        var root = _trees.AddRevision("tree", "hello", 1, OddVersion);
        // The page asks for an options file; this one gives what the schema requires.
        var commands = await RunPrintedCommandsAsync(root, new Dictionary<string, string> { ["hello"] = """{"service": {"token": "abc"}}""" });

        commands.Select(c => c.Page).Should().Contain(["packages/hello/index.html", "packages/hello/0.html"]);
        commands.Should().Contain(c => c.Words.Contains($"hello@{OddVersion}"), "the odd version reaches the CLI as one word");
    }

    [Fact]
    public async Task EveryCommandOnTheSiteOfTheExamplePackagesRuns()
    {
        var commands = await RunPrintedCommandsAsync(RepositoryFolders.Root, ExampleOptions);

        var packages = Directory.GetDirectories(Path.Combine(RepositoryFolders.Root, "packages"), "*", SearchOption.TopDirectoryOnly)
            .SelectMany(Directory.GetDirectories).Select(Path.GetFileName);
        commands.Select(c => c.Words[1] == "render" ? c.Words[2].Split('@')[0] : "").Should().Contain(packages!, "every example package's page prints its command");
    }

    [Fact]
    public void ShellWordsSplitsAsShDoes()
    {
        SitePageCommands.ShellWords("universe render 'a b'\"c\\\"d\" e\\ f 'it'\\''s'").Should().Equal("universe", "render", "a bc\"d", "e f", "it's");
        FluentActions.Invoking(() => SitePageCommands.ShellWords("universe render a@1 $HOME")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => SitePageCommands.ShellWords("universe render 'a")).Should().Throw<FormatException>();
    }

    /// <summary>What a user of each example package puts in options.json: the values its page says it needs (the others need none).</summary>
    private static readonly Dictionary<string, string> ExampleOptions = new()
    {
        ["log-shipper"] = """{"output": {"url": "https://logs.example.com/ingest"}}""",
    };

    /// <summary>
    /// Adds the tree as a repository, then runs each printed universe command (with the package's
    /// options.json in the working folder, as the page asks) and checks the DC/OS ones' words.
    /// </summary>
    private async Task<IReadOnlyList<SitePageCommands.Printed>> RunPrintedCommandsAsync(string root, IReadOnlyDictionary<string, string> options)
    {
        var site = SiteGenerator.Generate(PackageTreeReader.Read(root));
        (await RunAsync("repo", "add", "site", root)).ExitCode.Should().Be(0);
        var universe = SitePageCommands.Of(site, "universe");
        universe.Should().NotBeEmpty();
        foreach (var command in universe)
        {
            var name = command.Words[2].Split('@')[0];
            await File.WriteAllTextAsync(_trees.Path("work", "options.json"), options.GetValueOrDefault(name, "{}"));
            var run = await RunAsync([.. command.Words.Skip(1)]);
            run.ExitCode.Should().Be(ExitCodes.Success, $"`{command.Line}` on {command.Page} works: {run.Error}");
            // Only render is printed, and it prints the descriptors, labelled with the package's version.
            command.Words[1].Should().Be("render");
            var version = command.Words[2][(command.Words[2].IndexOf('@', StringComparison.Ordinal) + 1)..];
            run.Out.Should().Contain($"\"DCOS_PACKAGE_VERSION\": \"{version}\"", $"`{command.Line}` renders the version its page shows");
        }
        // dcos is not ours to run: its words must still name the package and version the page shows.
        var dcos = SitePageCommands.Of(site, "dcos");
        dcos.Should().HaveCount(universe.Count);
        for (var i = 0; i < dcos.Count; i++)
        {
            var reference = universe[i].Words[2];
            dcos[i].Words.Take(5).Should().Equal("dcos", "package", "install", reference.Split('@')[0], "--package-version=" + reference[(reference.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        }
        return universe;
    }

    private async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), _environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
