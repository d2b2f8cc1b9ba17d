using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// The repository's own Dockerfile, built as GitHub builds a docker action's image (the repository
/// root as the context, .dockerignore applying), on the stand-in base images. `--network host`
/// lets the restore in the build stage reach the machine's package source.
/// </summary>
public static class ActionImage
{
    public const string Name = "localhost/universe-pipeline/action:test";

    /// <summary>The version and commit the image is built with, as a release passes them, so a test can find them again.</summary>
    public const string Version = "9.8.7-test";

    public const string Revision = "0123456789abcdef0123456789abcdef01234567";

    public static async Task BuildAsync(Podman podman, ITestOutputHelper log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var started = DateTime.UtcNow;
        ContainerProcess.Write(log, $"{Name}: building {Path.Combine(root, "Dockerfile")}");
        await podman.RunCheckedAsync(
            [
                "build", "--network", "host", "--layers",
                "--build-arg", $"SDK_IMAGE={StandInImages.Sdk}",
                "--build-arg", $"RUNTIME_IMAGE={StandInImages.RuntimeDeps}",
                "--build-arg", $"VERSION={Version}",
                "--build-arg", $"SOURCE_REVISION={Revision}",
                "-t", Name, "-f", Path.Combine(root, "Dockerfile"), root,
            ],
            cancellationToken);
        ContainerProcess.Write(log, $"{Name}: built in {(DateTime.UtcNow - started).TotalSeconds:0} s");
        // Earlier builds of the tag are left untagged: drop them so the cache does not grow run by
        // run, but only the older ones: the build stage's layers are untagged too, and dropping
        // them at once made every later test and benchmark run publish the program again.
        await podman.RunQuietAsync(["image", "prune", "-f", "--filter", "until=1h"], cancellationToken);
    }

    /// <summary>The folder holding the action's Dockerfile and action.yml, above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Dockerfile")) && File.Exists(Path.Combine(folder.FullName, "action.yml"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds the Dockerfile and action.yml");
    }
}
