using Pipeline.Testing;
using Pipeline.Testing.Processes;

namespace Pipeline.Action.Tests.Release;

/// <summary>
/// Runs one of the release workflow's scripts (.github/release/NAME) with bash, as its steps do,
/// with the developer's own Git settings kept out. A run is killed when its timeout (2 minutes
/// unless given) passes.
/// </summary>
internal static class ReleaseScript
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static string Folder { get; } = Path.Combine(RepositoryFolders.Root, ".github", "release");

    public static Task<Result> RunAsync(
        string name,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null) =>
        RunProgramAsync("bash", arguments.Prepend(Path.Combine(Folder, name)), workingDirectory, environment, timeout);

    /// <summary>Runs any program the same way (the tests check the scripts' results with tar, sha256sum, shellcheck).</summary>
    public static async Task<Result> RunProgramAsync(
        string program,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var variables = new Dictionary<string, string> { ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) variables[key] = value;
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            var run = await ProgramRun.RunAsync(program, arguments, workingDirectory ?? RepositoryFolders.Root, variables, cancellation.Token);
            return new Result(run.ExitCode, run.Output, run.Error);
        }
        catch (OperationCanceledException stopped) when (cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"{program} did not finish in time: {stopped.Message}");
        }
    }
}
