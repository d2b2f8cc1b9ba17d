using System.Diagnostics;
using Pipeline.Testing;

namespace Pipeline.Action.Tests;

/// <summary>
/// The published `universe` executable: UNIVERSE_EXECUTABLE when set (.ci/run publishes it), or else
/// published here, once per test run, as the Dockerfile publishes it, so the README's test command
/// runs the same tests as CI instead of skipping this one.
/// </summary>
internal static class PublishedProgram
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the tests publish it when UNIVERSE_EXECUTABLE is not set (artifacts/ is ignored by Git).</summary>
    public static string Folder { get; } = Path.Combine(RepositoryFolders.Root, "artifacts", "test-published-universe");

    public static Task<string> ExecutableAsync() =>
        Environment.GetEnvironmentVariable("UNIVERSE_EXECUTABLE") is { Length: > 0 } path ? Task.FromResult(Existing(path)) : Published.Value;

    private static string Existing(string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"UNIVERSE_EXECUTABLE names {path}, which does not exist");

    private static async Task<string> PublishAsync()
    {
        var project = Path.Combine(RepositoryFolders.Root, "src", "Pipeline.Cli", "Pipeline.Cli.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The Dockerfile's command: ReadyToRun, not native AOT.
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishAot=false", "-p:PublishReadyToRun=true", "-o", Folder, "-nologo", "-v", "q",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        var executable = Path.Combine(Folder, "universe");
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet publish of {project} failed (exit {process.ExitCode}):\n{await stdout}{await stderr}");
        }
        return executable;
    }
}
