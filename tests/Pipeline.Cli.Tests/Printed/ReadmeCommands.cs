using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// What the README shows and how each command of it is accounted for: run by
/// <see cref="ReadmeCommandTests"/>, or named in <see cref="ProvenElsewhere"/> with the test class
/// that proves it.
/// </summary>
public static class ReadmeCommands
{
    /// <summary>
    /// README commands no test can run here (they install, publish a release, need a container or
    /// ../shared, or run for minutes), by their first words, each with the full name of the test
    /// class that proves them instead. To show such a command in the README, add its first words
    /// here with that class; every other `universe …` and `dotnet run … --project src/Pipeline.Cli
    /// -- …` command is run, and any other program is refused until it is named here.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProvenElsewhere { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dotnet test Pipeline.sln"] = "Pipeline.Cli.Tests.Printed.SolutionTests",
        ["dotnet run -c Release --project tests/Pipeline.Benchmarks"] = "Pipeline.Cli.Tests.Printed.BenchmarkCommandTests",
        ["universe action"] = "Pipeline.Action.Tests.PullRequestModeTests",
        ["universe cli install"] = "Pipeline.Cli.Tests.Mirror.MirrorCommandTests",
        ["dotnet pack src/Pipeline.Cli"] = "Pipeline.Cli.Tests.Packaging.ToolPackageTests",
        ["dotnet tool install"] = "Pipeline.Cli.Tests.Packaging.ToolPackageTests",
        ["sha256sum"] = "Pipeline.Action.Tests.Release.ChecksumTests",
        ["tar -xzf"] = "Pipeline.Action.Tests.Release.BinaryTests",
        ["./universe"] = "Pipeline.Action.Tests.Release.BinaryTests",
        ["docker buildx build"] = "Pipeline.Action.Tests.ContainerTests",
        // Needs a Git repository with a base branch, which the example universe is not.
        ["universe validate --base"] = "Pipeline.Cli.Tests.ValidateBaseTests",
    };

    /// <summary>
    /// README sections whose commands one test runs in order, as a walkthrough (they need servers,
    /// a registry and each other's results), by `##` title, each with that test's class.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProvenSections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Running a private universe"] = "Pipeline.Cli.Tests.Walkthrough.OperatorWalkthroughTests",
    };

    /// <summary>
    /// The shortest concrete form of each command of the README's table, run in this order in an
    /// <see cref="ExampleUniverse"/> (`repo add` first: the commands after it read that repository).
    /// </summary>
    public static IReadOnlyList<string[]> ShortestForms { get; } =
    [
        ["validate"],
        ["baseline"],
        ["build", "--output", "out"],
        ["publish", "--output", "site", "--no-release"],
        ["rules"],
        ["version"],
        ["--version"],
        ["repo", "add", "examples", "."],
        ["repo", "list"],
        ["search"],
        ["describe", "hello-world"],
        ["versions", "hello-world"],
        ["render", "hello-world"],
        ["serve", "."],
        ["mirror", "--from", "examples", "--include", "hello-world", "--to", "mirror"],
        ["promote", "hello-world@2.0.0", "--from", "examples", "--to", "../production", "--dry-run"],
        ["bump", "hello-world", "--version", "9.9.9", "--dry-run"],
        ["repo", "remove", "examples"],
    ];

    public static IReadOnlyList<PrintedCommand> All { get; } = MarkdownCommands.Find(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "README.md")));

    /// <summary>The entry of <see cref="ProvenElsewhere"/> that covers a command, if any.</summary>
    public static string? ProvenBy(PrintedCommand command) =>
        ProvenSections.ContainsKey(command.Section) && !command.Synopsis
            ? command.Section
            : ProvenElsewhere.Keys.FirstOrDefault(prefix => (command.Normalized + " ").StartsWith(prefix + " ", StringComparison.Ordinal));

    /// <summary>The commands to run: every concrete `universe` command not proven elsewhere, as its `universe` arguments.</summary>
    public static IEnumerable<(PrintedCommand Command, IReadOnlyList<string> Args)> Runnable(IEnumerable<PrintedCommand> commands) =>
        commands.Where(c => !c.Synopsis && ProvenBy(c) is null && c.UniverseArgs is not null).Select(c => (c, c.UniverseArgs!));

    /// <summary>Why each command is neither run here nor proven elsewhere; empty when all are accounted for.</summary>
    public static IEnumerable<string> Unaccounted(IEnumerable<PrintedCommand> commands)
    {
        var shortest = ShortestForms.Select(args => CommandTree.CheckSynopsis(args).Path).ToHashSet(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            if (ProvenBy(command) is not null) continue;
            if (command.Synopsis)
            {
                var path = CommandTree.CheckSynopsis(command.UniverseArgs!).Path;
                if (!shortest.Contains(path)) yield return $"{command}: `universe {path}` has no run in ShortestForms and no entry in ProvenElsewhere";
            }
            else if (command.UniverseArgs is null)
            {
                yield return $"{command} is not a `universe` command and no entry in ProvenElsewhere names the test that proves it";
            }
        }
    }
}
