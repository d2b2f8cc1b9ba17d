using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Packaging;

/// <summary>
/// The .NET tool as a user gets it, made once per test run: `dotnet pack` of src/Pipeline.Cli with
/// no extra properties (the README's command), then `dotnet tool install --tool-path` from that
/// package alone. The pack builds into its own artifacts folder, so it cannot race the other
/// builds of the same projects (the test build, the published program) over obj/. The install
/// reads a nuget.config naming only the package folder: a tool package carries its dependencies,
/// and the machine's feeds (a partial mirror here) must play no part.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public const string PackageId = "Universe.Pipeline";

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("universe-tool-");

    /// <summary>The version the package is made with: the test's own build of universe has the same stamp.</summary>
    public static string Version { get; } = typeof(Program).Assembly.GetName().Version!.ToString(3);

    /// <summary>The installed `universe` shim; null when packing or installing failed (<see cref="Failure"/> says why).</summary>
    public string? Executable { get; private set; }

    public string? Failure { get; private set; }

    public string Folder => work.FullName;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var packages = Path.Combine(Folder, "package");
        var project = Path.Combine(RepositoryFolders.Root, "src", "Pipeline.Cli");
        var pack = await ToolCommand.RunAsync("dotnet",
            ["pack", project, "-c", "Release", "-o", packages, "--artifacts-path", Path.Combine(Folder, "artifacts"), "-nologo", "-v", "q"],
            Folder, timeout.Token);
        if (pack.ExitCode != 0)
        {
            Failure = $"dotnet pack failed: {pack}";
            return;
        }
        var config = Path.Combine(Folder, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="universe" value="{packages}" />
              </packageSources>
            </configuration>
            """, timeout.Token);
        var tools = Path.Combine(Folder, "tools");
        var install = await ToolCommand.RunAsync("dotnet",
            ["tool", "install", PackageId, "--version", Version, "--tool-path", tools, "--configfile", config],
            Folder, timeout.Token);
        if (install.ExitCode != 0)
        {
            Failure = $"dotnet tool install failed: {install}";
            return;
        }
        Executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "universe.exe" : "universe");
    }

    public Task DisposeAsync()
    {
        try
        {
            work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file: the temp folder is left for the system to clean.
        }
        return Task.CompletedTask;
    }
}
