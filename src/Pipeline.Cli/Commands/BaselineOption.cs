using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>--no-baseline</c> flag of the commands that judge a tree (validate, build, publish).</summary>
public static class BaselineOption
{
    public static Option<bool> Create() => new("--no-baseline")
    {
        Description = "Ignore universe-baseline.json: report accepted findings as the findings they are.",
    };
}
