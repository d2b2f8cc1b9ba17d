namespace Pipeline.Cli.Commands;

/// <summary>
/// Commands that talk to GitHub go through Octokit, which reads and writes JSON by reflection
/// that a native (AOT) build does not support, and LibGit2Sharp, whose native library the AOT
/// build does not carry. The action's container and CI therefore publish `universe` for the
/// JIT (ReadyToRun, the UniverseFlavour=container build in Pipeline.Cli.csproj); a native build
/// says so instead of failing half-way.
/// </summary>
internal static class DynamicCode
{
    public static bool Available(CliConsole console, string command)
    {
        if (!AppContext.TryGetSwitch("Pipeline.Cli.NativeBuild", out var native) || !native) return true;
        console.Error.WriteLine($"universe {command}: this is the native build of universe, which cannot talk to GitHub; " +
            "use the container image or the ReadyToRun build: `dotnet publish src/Pipeline.Cli -c Release -r linux-x64 -p:UniverseFlavour=container`");
        return false;
    }
}
