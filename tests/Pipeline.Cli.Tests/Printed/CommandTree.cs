using System.CommandLine;
using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// The real `universe` command tree (<see cref="Program.CreateRoot"/>), against which every printed
/// command is checked: a concrete command must parse; a synopsis (`universe validate [PATH]
/// [--format text|json|sarif]`) must name a command that runs and only options it has.
/// </summary>
public static partial class CommandTree
{
    public static RootCommand Root { get; } = Program.CreateRoot(
        new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false), ProcessEnvironment.Of(new Dictionary<string, string>()));

    /// <summary>Why <paramref name="args"/> (the words after `universe`) do not parse; empty when they do.</summary>
    public static IReadOnlyList<string> ParseProblems(IReadOnlyList<string> args) =>
        [.. Root.Parse(args.ToArray()).Errors.Select(e => e.Message)];

    /// <summary>
    /// The command a synopsis names, as its words ("repo add"), and why it does not match the tree:
    /// a command that only groups others, or an option the command does not have.
    /// </summary>
    public static (string Path, IReadOnlyList<string> Problems) CheckSynopsis(IReadOnlyList<string> args)
    {
        Command command = Root;
        var path = new List<string>();
        var index = 0;
        for (; index < args.Count && command.Subcommands.FirstOrDefault(c => c.Name == args[index]) is { } sub; index++)
        {
            command = sub;
            path.Add(sub.Name);
        }
        var problems = new List<string>();
        // `universe --help` and `universe --version` are the root's own options.
        if (command == Root && (args.Count == 0 || !args[0].StartsWith('-'))) problems.Add($"`{args.FirstOrDefault()}` is not a command");
        else if (command != Root && command.Action is null) problems.Add($"`{string.Join(' ', path)}` needs one of its commands ({string.Join(", ", command.Subcommands.Select(c => c.Name))})");
        var known = Known(command);
        foreach (var word in args.Skip(index))
        {
            foreach (Match option in OptionName().Matches(word))
            {
                if (!known.Contains(option.Value)) problems.Add($"`{string.Join(' ', path)}` has no option {option.Value}");
            }
        }
        return (string.Join(' ', path), problems);
    }

    private static HashSet<string> Known(Command command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options) AddNames(names, option);
        // Options declared recursive on an ancestor (--help) apply here too.
        foreach (var ancestor in Ancestors(command))
        {
            foreach (var option in ancestor.Options.Where(o => o.Recursive)) AddNames(names, option);
        }
        return names;
    }

    private static void AddNames(HashSet<string> names, Option option)
    {
        names.Add(option.Name);
        names.UnionWith(option.Aliases);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    /// <summary>An option where a word of a synopsis starts (after `[` or `(`), e.g. `[--format` or `(--include`.</summary>
    [GeneratedRegex(@"(?<=^[\[(]*)--?[A-Za-z][\w-]*")]
    private static partial Regex OptionName();
}
