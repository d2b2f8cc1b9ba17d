using Pipeline.Cli;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>The universe program in-process, as a maintainer runs it at the checkout.</summary>
internal static class Cli
{
    public static (int Status, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var status = Program.Run(args, new CliConsole(output, output, IsTerminal: false));
        return (status, output.ToString());
    }
}
