using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// Every command the README shows works: its synopses name real commands and options, each
/// command of its table runs in its shortest form, every concrete command runs as printed (in a
/// temp copy of the example universe, never in the checkout), and the rest are named with the
/// test that proves them (<see cref="ReadmeCommands.ProvenElsewhere"/>).
/// </summary>
public sealed class ReadmeCommandTests : IDisposable
{
    private readonly ExampleUniverse _universe = new();

    public void Dispose() => _universe.Dispose();

    [Fact]
    public void TheReadmeShowsTheMainJobTheTableAndTheTests()
    {
        var commands = ReadmeCommands.All;

        commands.Where(c => c.Synopsis).Select(c => c.UniverseArgs![0]).Should().Contain(["validate", "build", "repo", "serve", "mirror", "promote"]);
        commands.Where(c => c.UniverseArgs is ["validate", "."]).Should().ContainSingle(c => c.Words[0] == "dotnet", "the README's first command is the main job through dotnet run");
        commands.Should().Contain(c => c.Normalized == "dotnet test Pipeline.sln");
    }

    [Fact]
    public void EverySynopsisNamesARealCommandAndOnlyItsOptions()
    {
        var problems = ReadmeCommands.All.Where(c => c.Synopsis)
            .SelectMany(c => CommandTree.CheckSynopsis(c.UniverseArgs!).Problems.Select(p => $"{c}: {p}"));

        problems.Should().BeEmpty();
    }

    [Fact]
    public void EveryCommandIsRunHereOrProvenByATestClassThatExists()
    {
        ReadmeCommands.Unaccounted(ReadmeCommands.All).Should().BeEmpty();
        ReadmeCommands.All.Select(c => c.Words.SkipWhile(w => w != "--project").Skip(1).FirstOrDefault()).OfType<string>()
            .Where(project => !Directory.Exists(Path.Combine(RepositoryFolders.Root, project))).Should().BeEmpty("every `dotnet run --project` names a project folder");
        ReadmeCommands.ProvenElsewhere.Where(p => !TestClasses.Declared.Contains(p.Value)).Select(p => $"{p.Key}: {p.Value}")
            .Should().BeEmpty("each entry names a test class under tests/ that holds tests");
        ReadmeCommands.ProvenElsewhere.Keys.Where(prefix => !ReadmeCommands.All.Any(c => ReadmeCommands.ProvenBy(c) == prefix))
            .Should().BeEmpty("an entry no README command uses is dead");
        ReadmeCommands.ProvenSections.Where(p => !TestClasses.Declared.Contains(p.Value)).Select(p => $"{p.Key}: {p.Value}")
            .Should().BeEmpty("each walkthrough section names a test class under tests/ that holds tests");
        ReadmeCommands.ProvenSections.Keys.Where(section => !ReadmeCommands.All.Any(c => c.Section == section))
            .Should().BeEmpty("a walkthrough section that shows no command, or is gone, is a dead entry");
    }

    [Fact]
    public void AnUnknownProgramAndAMistypedSynopsisAreReported()
    {
        var commands = MarkdownCommands.Find("""
            ```sh
            docker pull ghcr.io/universe-pipeline/universe-pipeline:1
            ```

            | command | what it does |
            |---|---|
            | `universe validate [PATH]`, `repo list` | |
            | `universe action` | |
            """);

        ReadmeCommands.Unaccounted(commands).Should().ContainSingle().Which.Should().Contain("docker pull");
        CommandTree.CheckSynopsis(["repo", "lst"]).Problems.Should().ContainSingle().Which.Should().Contain("needs one of its commands");
        CommandTree.CheckSynopsis(["validate", "[--colour]"]).Problems.Should().Equal("`validate` has no option --colour");
    }

    [Fact]
    public async Task EveryCommandOfTheTableRunsInItsShortestForm()
    {
        foreach (var args in ReadmeCommands.ShortestForms)
        {
            var run = await _universe.RunAsync(args);
            run.ExitCode.Should().Be(0, $"`universe {string.Join(' ', args)}` printed:\n{run.Out}{run.Error}");
            if (args[0] == "serve") run.Out.Should().Contain("GET /health: 200");
        }

        File.Exists(_universe.InCheckout("out", "index.json")).Should().BeTrue();
        File.Exists(_universe.InCheckout("repo", "universe-baseline.json")).Should().BeTrue();
        Directory.Exists(_universe.InCheckout("mirror", "packages", "H", "hello-world")).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(Path.Combine(_universe.Root, "production", "packages")).Should().BeEmpty("--dry-run changes nothing");
    }

    [Fact]
    public async Task EveryConcreteCommandRunsAsPrinted()
    {
        // The adoption section's `universe baseline --prune` prunes the baseline the universe has.
        (await _universe.RunAsync(["baseline"])).ExitCode.Should().Be(0);
        var runnable = ReadmeCommands.Runnable(ReadmeCommands.All).ToArray();

        runnable.Should().NotBeEmpty();
        foreach (var (command, args) in runnable)
        {
            var run = await _universe.RunAsync(args);
            run.ExitCode.Should().Be(0, $"{command} printed:\n{run.Out}{run.Error}");
        }
        File.Exists(_universe.InCheckout("out", "index.json")).Should().BeTrue("the main job builds into out/");
        File.Exists(Path.Combine(_universe.Root, "universe", "repo", "universe-baseline.json")).Should().BeTrue("the adoption section makes the baseline of ../universe/repo");
    }
}
