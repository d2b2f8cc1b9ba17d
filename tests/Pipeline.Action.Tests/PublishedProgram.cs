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

    /// <summary>
    /// Runs it to its end with only <paramref name="variables"/> (and PATH, HOME) in its environment,
    /// as a step runs it; killed when <paramref name="cancellationToken"/> ends first.
    /// </summary>
    public static async Task<(int Status, string Output)> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> variables, string? workingDirectory, CancellationToken cancellationToken)
    {
        using var process = await StartAsync(arguments, variables, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts it with redirected output and only <paramref name="variables"/> (and PATH, HOME) in its environment.</summary>
    public static async Task<Process> StartAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> variables, string? workingDirectory)
    {
        var start = new ProcessStartInfo(await ExecutableAsync())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = Path.GetTempPath();
        foreach (var (name, value) in variables) start.Environment[name] = value;
        return Process.Start(start)!;
    }

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
        // The Dockerfile's build: self-contained, trimmed, ReadyToRun (UniverseFlavour=container).
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "-p:UniverseFlavour=container",
            "-o", Folder, "-nologo", "-v", "q",
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
