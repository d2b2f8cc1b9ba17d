using Pipeline.Build.Output;
using Pipeline.Build;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Site;
using Pipeline.Testing.StaticFiles;
using Pipeline.Testing.Trees;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// Every command the site prints, run as a reader of each page would run them: the site of a small
/// tree (with a version only quoting keeps whole), of the example packages, and of a site that
/// knows its address (and so prints `repo add`) is generated, its commands are read back from the
/// HTML, and each <c>universe</c> command runs in-process, page by page, with a fresh configuration.
/// </summary>
public sealed class SiteCommandTests : IDisposable
{
    // Blanks, a quote, a dollar and a glob: each would break an unquoted shell word.
    private const string OddVersion = "2.0 rc'1 $HOME*";

    /// <summary>What a user of each example package puts in options.json: the values its page says it needs (the others need none).</summary>
    private static readonly Dictionary<string, string> ExampleOptions = new()
    {
        ["log-shipper"] = """{"output": {"url": "https://logs.example.com/ingest"}}""",
    };

    private static readonly Dictionary<string, string> HelloOptions = new() { ["hello"] = """{"service": {"token": "abc"}}""" };

    private readonly TestTrees _trees = new();

    public void Dispose() => _trees.Dispose();

    [Fact]
    public async Task EveryCommandOnTheSiteOfASmallTreeRuns()
    {
        _trees.AddRevision("tree", "hello", 0, "1.0.0");
        var root = _trees.AddRevision("tree", "hello", 1, OddVersion);

        var commands = await RunPrintedCommandsAsync(SiteGenerator.Generate(PackageTreeReader.Read(root)), HelloOptions, repository: root);

        commands.Select(c => c.Page).Should().Contain(["packages/hello/index.html", "packages/hello/0.html"]);
        commands.Should().Contain(c => c.Words.Contains($"hello@{OddVersion}"), "the odd version reaches the CLI as one word");
    }

    [Fact]
    public async Task EveryCommandOnTheSiteOfTheExamplePackagesRuns()
    {
        var site = SiteGenerator.Generate(PackageTreeReader.Read(RepositoryFolders.Root));

        var commands = await RunPrintedCommandsAsync(site, ExampleOptions, repository: RepositoryFolders.Root);

        var packages = Directory.GetDirectories(Path.Combine(RepositoryFolders.Root, "packages")).SelectMany(Directory.GetDirectories).Select(Path.GetFileName);
        commands.Select(c => c.Words[2].Split('@')[0]).Should().Contain(packages!, "every example package's page prints its command");
        SiteFiles(site, "packages/log-shipper/index.html").Should().Contain("needs a value for <code>output.url</code>", "the page says what the options file must hold");
    }

    [Fact]
    public async Task ASiteThatKnowsItsAddressPrintsTheRepoAddLineAndItWorks()
    {
        _trees.AddRevision("tree", "hello", 0, "1.0.0");
        var root = _trees.AddRevision("tree", "hello", 1, OddVersion);
        await using var server = await StaticFileServer.StartAsync();
        var tree = PackageTreeReader.Read(root);
        var site = SiteGenerator.Generate(tree, new SiteOptions { BaseUrl = new Uri(server.BaseUrl, "project/").AbsoluteUri });
        foreach (var file in RepositoryBuilder.Build(tree).Files.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal))) server.Add("project/" + file.Path, file.ToArray());

        var commands = await RunPrintedCommandsAsync(site, HelloOptions, repository: null);

        commands.GroupBy(c => c.Page).Should().HaveCount(2).And.OnlyContain(page => page.First().Words[1] == "repo", "each page adds the repository first");
        // The repository is named after its folder, "tree", as universe.yaml gives no name.
        commands.First().Words.Should().Equal("universe", "repo", "add", "tree", new Uri(server.BaseUrl, "project/index.json").AbsoluteUri);
        server.Requests.Should().Contain("/project/index.json", "render read the repository from the site's address");
    }

    [Fact]
    public void ShellWordsSplitsAsShDoes()
    {
        SitePageCommands.ShellWords("universe render 'a b'\"c\\\"d\" e\\ f 'it'\\''s'").Should().Equal("universe", "render", "a bc\"d", "e f", "it's");
        FluentActions.Invoking(() => SitePageCommands.ShellWords("universe render a@1 $HOME")).Should().Throw<FormatException>();
        FluentActions.Invoking(() => SitePageCommands.ShellWords("universe render 'a")).Should().Throw<FormatException>();
    }

    /// <summary>
    /// Runs each page's universe commands in order, as a reader of that page alone would: with a
    /// configuration of their own (where the test adds <paramref name="repository"/> first when the
    /// page cannot print that line) and the package's options.json in the working folder. The DC/OS
    /// lines are not ours to run; their words must name the package and version the page renders.
    /// </summary>
    private async Task<IReadOnlyList<SitePageCommands.Printed>> RunPrintedCommandsAsync(IReadOnlyList<BuiltFile> site, IReadOnlyDictionary<string, string> options, string? repository)
    {
        var printed = SitePageCommands.Of(site, "universe");
        printed.Should().NotBeEmpty();
        var reader = 0;
        foreach (var page in printed.GroupBy(c => c.Page))
        {
            var work = _trees.Path("readers", (++reader).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(work);
            var environment = ProcessEnvironment.Of(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = Path.Combine(work, "xdg"), ["HOME"] = work }, work);
            if (repository is not null) (await RunAsync(environment, "repo", "add", "site", repository)).ExitCode.Should().Be(0);
            foreach (var command in page)
            {
                var words = command.Words;
                if (words[1] == "render") await File.WriteAllTextAsync(Path.Combine(work, "options.json"), options.GetValueOrDefault(words[2].Split('@')[0], "{}"));
                var run = await RunAsync(environment, [.. words.Skip(1)]);
                run.ExitCode.Should().Be(ExitCodes.Success, $"`{command.Line}` on {command.Page} works: {run.Error}");
                if (words[1] == "repo") run.Out.Should().StartWith($"added `{words[3]}`");
                else if (words[1] == "render") run.Out.Should().Contain($"\"DCOS_PACKAGE_VERSION\": \"{Version(words[2])}\"", $"`{command.Line}` renders the version its page shows");
                else words[1].Should().BeOneOf(["repo", "render"], $"{command.Page} prints `{command.Line}`, which this test does not know how to check");
            }
        }
        var renders = printed.Where(c => c.Words[1] == "render").ToList();
        var dcos = SitePageCommands.Of(site, "dcos");
        dcos.Should().HaveCount(renders.Count);
        for (var i = 0; i < dcos.Count; i++)
        {
            dcos[i].Words.Take(5).Should().Equal("dcos", "package", "install", renders[i].Words[2].Split('@')[0], "--package-version=" + Version(renders[i].Words[2]));
        }
        return printed;
    }

    private static string Version(string reference) => reference[(reference.IndexOf('@', StringComparison.Ordinal) + 1)..];

    private static string SiteFiles(IReadOnlyList<BuiltFile> site, string path) => System.Text.Encoding.UTF8.GetString(site.Single(f => f.Path == path).ToArray());

    private static async Task<CliRun> RunAsync(ProcessEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Program.RunAsync(args, new CliConsole(output, error, IsTerminal: false), environment);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
