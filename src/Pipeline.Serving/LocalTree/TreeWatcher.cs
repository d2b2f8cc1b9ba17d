using Pipeline.Packages.Reading;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// File system watchers on the tree: its root (universe.yaml, the baseline, packages/ itself) and
/// everything under packages/. Any event calls <c>changed</c>; what changed is for the fingerprint to say.
/// The packages/ watcher is armed again by <see cref="Arm"/> after the folder was removed or the
/// watcher failed (an overflowed event buffer): the periodic rescan covers the gap.
/// </summary>
internal sealed class TreeWatcher : IDisposable
{
    private readonly string _root;
    private readonly Action _changed;
    private readonly object _gate = new();
    private FileSystemWatcher? _rootWatcher;
    private FileSystemWatcher? _packagesWatcher;
    private bool _disposed;

    public TreeWatcher(string root, Action changed)
    {
        _root = root;
        _changed = changed;
        Arm();
    }

    /// <summary>Starts whichever watcher is not running and can be; never throws.</summary>
    public void Arm()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _rootWatcher ??= Start(_root, recursive: false);
            _packagesWatcher ??= Start(Path.Combine(_root, TreeLocator.PackagesFolder), recursive: true);
        }
    }

    private FileSystemWatcher? Start(string folder, bool recursive)
    {
        if (!Directory.Exists(folder)) return null;
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = recursive, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += (_, _) => _changed();
            watcher.Created += (_, _) => _changed();
            watcher.Deleted += (_, _) => _changed();
            watcher.Renamed += (_, _) => _changed();
            watcher.Error += (_, _) => Drop(watcher);
            // packages/ made anew is a new folder: the watcher on the old one hears nothing more.
            if (!recursive) watcher.Created += (_, e) => { if (e.Name == TreeLocator.PackagesFolder) RearmPackages(); };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify watches, a folder gone meanwhile: the rescan still sees every change.
            watcher?.Dispose();
            return null;
        }
    }

    private void Drop(FileSystemWatcher watcher)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_rootWatcher, watcher)) _rootWatcher = null;
            if (ReferenceEquals(_packagesWatcher, watcher)) _packagesWatcher = null;
        }
        watcher.Dispose();
        // Events may have been lost: look now.
        _changed();
    }

    private void RearmPackages()
    {
        FileSystemWatcher? old;
        lock (_gate)
        {
            old = _packagesWatcher;
            _packagesWatcher = null;
        }
        old?.Dispose();
        Arm();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _rootWatcher?.Dispose();
            _packagesWatcher?.Dispose();
            _rootWatcher = _packagesWatcher = null;
        }
    }
}
