using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text.Json.Nodes;
using Pipeline.Cli.Commands.Repo;
using Pipeline.Cli.Versioning;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe version [--json]</c> and <c>universe --version</c>: which build this is (<see cref="UniverseBuild"/>).</summary>
public static class VersionCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of lines." };
        var command = new Command("version", "Print the version, commit and build flavour of this universe, and the runtime it runs on.") { json };
        command.SetAction(parsed => Write(console, UniverseBuild.Current, parsed.GetValue(json)));
        return command;
    }

    /// <summary>Makes the root command's built-in <c>--version</c> print what <c>universe version</c> prints.</summary>
    public static void Replace(RootCommand root, CliConsole console)
    {
        foreach (var option in root.Options.OfType<VersionOption>()) option.Action = new VersionOptionAction(console);
    }

    public static int Write(CliConsole console, UniverseBuild build, bool json)
    {
        if (json)
        {
            RepositoryCommandLine.WriteJson(console, new JsonObject
            {
                ["version"] = build.Version,
                ["commit"] = build.Commit,
                ["flavour"] = build.Flavour,
                ["runtime"] = build.Runtime,
                ["runtimeIdentifier"] = build.RuntimeIdentifier,
            });
        }
        else
        {
            foreach (var line in build.Lines()) console.Out.WriteLine(line);
        }
        return ExitCodes.Success;
    }

    private sealed class VersionOptionAction(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult) => Write(console, UniverseBuild.Current, json: false);
    }
}
