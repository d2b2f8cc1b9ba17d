using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Pipeline.Build.Output;

namespace Pipeline.Build.Streaming;

/// <summary>
/// An output file being written under a temporary name beside its final place
/// (<c>.&lt;name&gt;.&lt;token&gt;.tmp</c>, the token being the build's), hashed as it is written. <see cref="OutputStaging"/>
/// renames it into place once the whole build has succeeded, or deletes it.
/// </summary>
internal sealed class StagedFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly IncrementalHash? _hash;
    private long _length;

    /// <param name="hashed">False for a copy of content whose hash is already known.</param>
    public StagedFile(string root, string path, string token, bool hashed = true)
    {
        Path = path;
        Target = TargetOf(root, path);
        Temporary = TemporaryOf(root, path, token);
        _handle = File.OpenHandle(Temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        if (hashed) _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    public static string TargetOf(string root, string path) => System.IO.Path.Combine(root, path);

    public static string TemporaryOf(string root, string path, string token)
    {
        var target = TargetOf(root, path);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(target)!, $".{System.IO.Path.GetFileName(target)}.{token}.tmp");
    }

    /// <summary>The path relative to the output folder, with '/' separators.</summary>
    public string Path { get; }
    public string Target { get; }
    public string Temporary { get; }
    public long Length => _length;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        RandomAccess.Write(_handle, bytes, _length);
        _hash?.AppendData(bytes);
        _length += bytes.Length;
    }

    /// <summary>Segments in one gathered write.</summary>
    public void Write(IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        RandomAccess.Write(_handle, segments, _length);
        foreach (var segment in segments)
        {
            _hash?.AppendData(segment.Span);
            _length += segment.Length;
        }
    }

    /// <summary>Closes the file; its description carries the hash taken while writing.</summary>
    public WrittenFile Close()
    {
        _handle.Dispose();
        var hash = _hash ?? throw new InvalidOperationException($"{Path} was written as a copy: its hash is the original's");
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        hash.Dispose();
        return new WrittenFile(Path, _length, sha256);
    }

    /// <summary>Closes a copy whose content is <paramref name="original"/>'s.</summary>
    public WrittenFile CloseAsCopyOf(WrittenFile original)
    {
        _handle.Dispose();
        return original with { Path = Path };
    }

    public void Dispose()
    {
        _handle.Dispose();
        _hash?.Dispose();
    }
}
