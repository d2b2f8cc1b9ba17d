using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Pipeline.Cli;

/// <summary>
/// An "Examples:" section at the end of the help of the commands whose arguments are hardest to
/// guess from their options alone. Every example runs in a test (HelpExampleTests), against a copy
/// of this repository's example packages, in the order the commands appear in `universe --help`.
/// </summary>
public static class HelpExamples
{
    /// <summary>The examples, by command path (the words after `universe`).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByCommand { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["repo add"] =
        [
            "universe repo add staging ../universe --priority 10",
            "universe repo add mesosphere https://universe.mesosphere.com/repo",
        ],
        ["repo remove"] =
        [
            "universe repo remove mesosphere",
        ],
        ["render"] =
        [
            "universe render hello-world@2.0.0",
            "universe render hello-world --set service.name=hello-dev --output rendered",
        ],
        ["mirror"] =
        [
            "universe mirror --from staging --include hello-world@2.0.0 --to mirror",
            "universe mirror --from staging --all --to bundle --bundle",
        ],
        ["promote"] =
        [
            "universe promote hello-world@2.0.0 --from staging --to ../production --dry-run",
            "universe promote hello-world@2.0.0 --from staging --to ../production",
        ],
        ["bump"] =
        [
            "universe bump hello-world --version 2.1.0 --dry-run",
            "universe bump hello-world --version 2.1.0 --set minDcosReleaseVersion=1.12",
        ],
    };

    /// <summary>Makes --help print the examples after System.CommandLine's own help.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        var byCommand = new Dictionary<Command, IReadOnlyList<string>>();
        foreach (var (path, examples) in ByCommand)
        {
            Command command = root;
            foreach (var name in path.Split(' ')) command = command.Subcommands.Single(c => c.Name == name);
            byCommand[command] = examples;
        }
        help.Action = new ExamplesAction((HelpAction)help.Action!, byCommand);
    }

    private sealed class ExamplesAction(HelpAction help, Dictionary<Command, IReadOnlyList<string>> examples) : SynchronousCommandLineAction
    {
        // As the help it wraps: `universe render --help` shows help even though PKG is missing.
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            if (!examples.TryGetValue(parseResult.CommandResult.Command, out var lines)) return exit;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines) output.WriteLine($"  {line}");
            output.WriteLine();
            return exit;
        }
    }
}
