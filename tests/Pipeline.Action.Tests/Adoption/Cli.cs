using Pipeline.Cli;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>The universe program in-process, as a maintainer runs it at the checkout.</summary>
internal static class Cli
{
    /// <summary>Waits for the run: <see cref="AdoptedUniverse"/> makes its baseline in a lazy property, which cannot await.</summary>
    public static (int Status, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var status = Program.RunAsync(args, new CliConsole(output, output, IsTerminal: false)).GetAwaiter().GetResult();
        return (status, output.ToString());
    }
}
