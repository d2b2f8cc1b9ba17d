using Pipeline.Testing.Processes;

namespace Pipeline.Cli.Tests.Packaging;

/// <summary>Runs a program (dotnet, the installed universe) to completion, killing it when the token fires.</summary>
internal static class ToolCommand
{
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    public static Task<ProgramRun.Outcome> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken) =>
        ProgramRun.RunAsync(program, arguments, workingDirectory, Quiet, cancellationToken);
}
