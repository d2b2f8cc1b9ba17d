using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// Rootful podman with configuration and storage of the tests' own (CONTAINERS_CONF and
/// CONTAINERS_STORAGE_CONF point at files under <see cref="ContainerCache.Folder"/>), so no global
/// setting changes. Checked facts for these machines: the runc runtime (crun fails on their hybrid
/// cgroup setup), default ulimits nofile=20000 and nproc=32768, and the storage configuration
/// written before the first podman call (changing the driver afterwards makes every run wait 20 s).
/// </summary>
public sealed class Podman
{
    private readonly Dictionary<string, string> _environment;
    private readonly ITestOutputHelper _log;

    private Podman(Dictionary<string, string> environment, ITestOutputHelper log)
    {
        _environment = environment;
        _log = log;
    }

    public static Podman Configure(ContainerCache cache, ITestOutputHelper log)
    {
        var conf = Directory.CreateDirectory(Path.Combine(cache.Folder, "conf")).FullName;
        var storage = Directory.CreateDirectory(Path.Combine(cache.Folder, "storage")).FullName;
        // Run state belongs on a tmpfs that a reboot clears, as podman's own /run/containers does;
        // one folder per cache, since run state belongs to one storage.
        var run = Directory.CreateDirectory(Path.Combine("/run", Path.GetFileName(Path.TrimEndingDirectorySeparator(cache.Folder)))).FullName;

        var containersConf = Path.Combine(conf, "containers.conf");
        WriteWhenChanged(containersConf, $"""
            [containers]
            default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

            [engine]
            runtime = "runc"
            cgroup_manager = "cgroupfs"
            events_logger = "file"
            tmp_dir = "{run}/libpod"
            """);
        var storageConf = Path.Combine(conf, "storage.conf");
        WriteWhenChanged(storageConf, $"""
            [storage]
            driver = "overlay"
            graphroot = "{storage}"
            runroot = "{run}/storage"
            """);

        return new Podman(new Dictionary<string, string>
        {
            ["CONTAINERS_CONF"] = containersConf,
            ["CONTAINERS_STORAGE_CONF"] = storageConf,
        }, log);
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken) =>
        (await ContainerProcess.RunAsync("podman", ["image", "exists", image], _log, cancellationToken, _environment)).ExitCode == 0;

    /// <summary>Runs podman and throws unless it succeeds; build output is echoed step by step only.</summary>
    public Task<string> RunCheckedAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ContainerProcess.RunCheckedAsync("podman", arguments, _log, cancellationToken, _environment, IsProgress);

    /// <summary>Runs podman; <paramref name="echo"/> sees each line of its output and says whether to log it.</summary>
    public Task<ContainerProcess.Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Func<string, bool>? echo = null) =>
        ContainerProcess.RunAsync("podman", arguments, _log, cancellationToken, _environment, echo);

    /// <summary>Runs podman without echoing its output (image ids from a prune, say).</summary>
    public Task<ContainerProcess.Result> RunQuietAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ContainerProcess.RunAsync("podman", arguments, _log, cancellationToken, _environment, _ => false);

    private static bool IsProgress(string line) =>
        line.StartsWith("STEP ", StringComparison.Ordinal) || line.StartsWith("COMMIT", StringComparison.Ordinal) || line.StartsWith("--> Using cache", StringComparison.Ordinal);

    private static void WriteWhenChanged(string path, string content)
    {
        // Rewriting the same text keeps the file as podman last saw it.
        if (File.Exists(path) && File.ReadAllText(path) == content) return;
        File.WriteAllText(path, content);
    }
}
