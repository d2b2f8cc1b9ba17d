using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using Pipeline.Build.Dcos;
using Pipeline.Build.Output;

namespace Pipeline.Build.Streaming;

/// <summary>
/// A file listing every package — a DC/OS repository file (<c>universe.json</c>,
/// <c>repo-up-to-*.json</c>) or index.json — written as packages arrive: a header, then each
/// package's fragments appended in the order they are posted (the first without its leading
/// separator), then a footer. The file is hashed and
/// compressed into the gzip copy when asked for, on a thread of the file's own so that the files
/// (and their compression) proceed side by side. A short queue bounds what waits in memory.
/// </summary>
internal sealed class StreamedRepositoryFile
{
    private const int QueueCapacity = 8;

    private readonly OutputStaging _staging;
    private readonly StagedFile _file;
    private readonly StagedFile? _copy;
    private readonly GZipStream? _gzip;
    private readonly BlockingCollection<(List<ArraySegment<byte>> Fragments, BuiltPackage Owner)> _queue = new(QueueCapacity);
    private readonly Thread _thread;
    private readonly ReadOnlyMemory<byte> _footer;
    private readonly int _separatorLength;
    private volatile Exception? _failure;
    private bool _first = true;
    private bool _finished;

    /// <summary>A DC/OS repository file.</summary>
    public StreamedRepositoryFile(OutputStaging staging, string path, bool gzip)
        : this(staging, path, gzip, DcosFileAssembler.Header, DcosFileAssembler.Footer, DcosFileAssembler.SeparatorLength)
    {
    }

    /// <param name="separatorLength">How many bytes of separator each fragment starts with.</param>
    public StreamedRepositoryFile(OutputStaging staging, string path, bool gzip, ReadOnlyMemory<byte> header, ReadOnlyMemory<byte> footer, int separatorLength)
    {
        _staging = staging;
        _footer = footer;
        _separatorLength = separatorLength;
        _file = staging.Create(path);
        if (gzip)
        {
            _copy = staging.Create(path + GzipCopies.Extension);
            _gzip = new GZipStream(new StagedFileStream(_copy), CompressionLevel.Optimal);
        }
        Append([header]);
        _thread = new Thread(Run) { IsBackground = true, Name = path };
        _thread.Start();
    }

    /// <summary>Queues one package's fragments, in list order; waits while the queue is full.</summary>
    public void Post(List<ArraySegment<byte>> fragments, BuiltPackage owner)
    {
        if (fragments.Count == 0 || _failure is not null) return;
        owner.Hold();
        _queue.Add((fragments, owner));
    }

    /// <summary>Ends the file; returns it and its gzip copy when that is smaller.</summary>
    public IReadOnlyList<WrittenFile> Finish()
    {
        Stop();
        if (_failure is { } failure) ExceptionDispatchInfo.Throw(failure);
        Append([_footer]);
        var written = _staging.Keep(_file);
        if (_gzip is null) return [written];
        _gzip.Dispose();
        if (_copy!.Length >= written.Length)
        {
            _staging.Drop(_copy);
            return [written];
        }
        return [written, _staging.Keep(_copy)];
    }

    /// <summary>Stops the writing thread (after a failure elsewhere); the staging deletes the files.</summary>
    public void Stop()
    {
        if (_finished) return;
        _finished = true;
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var (fragments, owner) in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is not null) continue; // drain, so that Post never waits for nothing
                var segments = new ReadOnlyMemory<byte>[fragments.Count];
                for (var i = 0; i < segments.Length; i++) segments[i] = _first && i == 0 ? fragments[i].AsMemory(_separatorLength) : fragments[i];
                _first = false;
                Append(segments);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                owner.Release();
            }
        }
    }

    private void Append(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        _file.Write(segments);
        if (_gzip is null) return;
        foreach (var segment in segments) _gzip.Write(segment.Span);
    }
}
