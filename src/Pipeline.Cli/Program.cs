using System.CommandLine;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System());

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("universe: validate, build and publish package repositories compatible with Mesosphere's Universe.")
        {
            ValidateCommand.Create(console),
            BuildCommand.Create(console),
            RulesCommand.Create(console),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"universe: {error.Message}");
            console.Error.WriteLine("Run `universe --help` for usage.");
            return ExitCodes.Failure;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
