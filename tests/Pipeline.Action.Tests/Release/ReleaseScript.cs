using System.Diagnostics;
using Pipeline.Testing;

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
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? RepositoryFolders.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in time:\n{await output}\n{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
