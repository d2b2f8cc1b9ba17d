namespace Pipeline.Testing.Containers;

/// <summary>
/// The folder the container tests own: podman's configuration and image storage, where the
/// stand-in base images stay between runs (and between CI's fresh clones on the same machine).
/// One run at a time holds it, through an exclusive lock file.
/// </summary>
public sealed class ContainerCache : IDisposable
{
    public const string DefaultFolder = "/var/tmp/universe-pipeline-containers";

    private readonly FileStream _lock;

    private ContainerCache(string folder, FileStream @lock)
    {
        Folder = folder;
        _lock = @lock;
    }

    public string Folder { get; }

    /// <summary>Takes the cache, waiting while another test run holds it.</summary>
    public static async Task<ContainerCache> TakeAsync(CancellationToken cancellationToken)
    {
        var folder = Environment.GetEnvironmentVariable("UNIVERSE_CONTAINER_CACHE") is { Length: > 0 } configured ? configured : DefaultFolder;
        Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, "lock");
        while (true)
        {
            try
            {
                return new ContainerCache(folder, new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <summary>A new empty scratch folder under the cache, for a build context or a root file system.</summary>
    public string Scratch(string name)
    {
        var path = Path.Combine(Folder, "scratch", name);
        Remove(path);
        return Directory.CreateDirectory(path).FullName;
    }

    /// <summary>
    /// Removes a scratch folder without crossing into another file system: an interrupted
    /// debootstrap can leave /proc or /sys mounted inside its root.
    /// </summary>
    public static void Remove(string path)
    {
        if (!Directory.Exists(path)) return;
        using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--one-file-system", path]);
        rm.WaitForExit();
    }

    public void Dispose() => _lock.Dispose();
}
