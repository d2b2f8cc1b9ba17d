using Pipeline.Build.Output;

namespace Pipeline.Build.Streaming;

/// <summary>
/// The files of one streamed build, staged under temporary names in the output folder. Nothing
/// takes a final name until <see cref="Commit"/>: then every file is renamed into place and
/// SHA256SUMS goes last, so it never lists content that is not there yet. Disposed without a
/// commit (a failure mid-way), it deletes every temporary file and the previous build stays as it
/// was. Thread-safe: package workers and repository file writers stage files at once.
/// </summary>
internal sealed class OutputStaging : IDisposable
{
    private readonly string _root;
    private readonly bool _gzip;
    private readonly Lock _lock = new();
    // One random part for every temporary name of this build: each file's temporary name follows
    // from its path, so a kept file is remembered by its path alone (at 100× the corpus there are
    // some 80,000 of them).
    private readonly string _token = Guid.NewGuid().ToString("N");
    private readonly HashSet<StagedFile> _open = [];
    private readonly List<string> _kept = [];
    private readonly List<string> _dropped = [];
    private bool _committed;

    public OutputStaging(string root, bool gzip)
    {
        _root = root;
        _gzip = gzip;
    }

    public StagedFile Create(string path, bool hashed = true)
    {
        var file = new StagedFile(_root, path, _token, hashed);
        lock (_lock) _open.Add(file);
        return file;
    }

    /// <summary>Closes a file and keeps it for the commit.</summary>
    public WrittenFile Keep(StagedFile file) => Keep(file, file.Close());

    private WrittenFile Keep(StagedFile file, WrittenFile written)
    {
        lock (_lock)
        {
            _open.Remove(file);
            _kept.Add(file.Path);
        }
        return written;
    }

    /// <summary>Deletes a file that is not to be published: a gzip copy no smaller than its file.</summary>
    public void Drop(StagedFile file)
    {
        file.Dispose();
        File.Delete(file.Temporary);
        lock (_lock)
        {
            _open.Remove(file);
            // An earlier build's copy would no longer match the file: it goes at the commit.
            _dropped.Add(file.Target);
        }
    }

    /// <summary>Writes a whole file held in memory, and its gzip copy when asked for and smaller.</summary>
    public WrittenContent Write(BuiltFile content)
    {
        var file = Create(content.Path);
        file.Write(content.Segments);
        var written = Keep(file);
        if (!_gzip) return new WrittenContent(written, null, null);
        var compressed = GzipCopies.Gzip(content);
        var copyPath = content.Path + GzipCopies.Extension;
        if (compressed.Length >= content.Length)
        {
            lock (_lock) _dropped.Add(Path.Combine(_root, copyPath));
            return new WrittenContent(written, null, null);
        }
        var copy = Create(copyPath);
        copy.Write(compressed);
        return new WrittenContent(written, compressed, Keep(copy));
    }

    /// <summary>Writes <paramref name="content"/> again under another path, reusing what writing it the first time found.</summary>
    public WrittenContent WriteCopy(string path, BuiltFile content, WrittenContent original)
    {
        var file = Create(path, hashed: false);
        file.Write(content.Segments);
        var written = Keep(file, file.CloseAsCopyOf(original.File));
        if (original.Gzip is not { } compressed)
        {
            if (_gzip) lock (_lock) _dropped.Add(Path.Combine(_root, path + GzipCopies.Extension));
            return original with { File = written };
        }
        var copy = Create(path + GzipCopies.Extension, hashed: false);
        copy.Write(compressed);
        return new WrittenContent(written, compressed, Keep(copy, copy.CloseAsCopyOf(original.GzipFile!)));
    }

    /// <summary>Renames every kept file into place, then writes <paramref name="sums"/> last.</summary>
    public WrittenFile Commit(BuiltFile sums)
    {
        var file = Create(sums.Path);
        file.Write(sums.Segments);
        var written = file.Close();
        lock (_lock)
        {
            Parallel.ForEach(_kept, kept => File.Move(StagedFile.TemporaryOf(_root, kept, _token), StagedFile.TargetOf(_root, kept), overwrite: true));
            foreach (var stale in _dropped) File.Delete(stale);
            File.Move(file.Temporary, file.Target, overwrite: true);
            _committed = true;
        }
        return written;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var file in _open)
            {
                file.Dispose();
                if (!_committed) TryDelete(file.Temporary);
            }
            _open.Clear();
            if (!_committed)
            {
                foreach (var kept in _kept) TryDelete(StagedFile.TemporaryOf(_root, kept, _token));
            }
            _kept.Clear();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The failure that stopped the build is the one worth reporting.
        }
    }
}
