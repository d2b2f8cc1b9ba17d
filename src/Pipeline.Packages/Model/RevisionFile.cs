namespace Pipeline.Packages.Model;

/// <summary>
/// One file of a package revision. <see cref="Content"/> holds its bytes once loaded; a file the
/// reader could not read (too large, a link out of the tree, an I/O error) stays unloaded with
/// the reason reported. A tree scanned without contents has <see cref="Deferred"/> files, read
/// by <see cref="Load"/> when a package's turn comes, so a large tree need not fit in memory.
/// </summary>
public sealed record RevisionFile(string Name, RevisionFolder Folder, ReadOnlyMemory<byte> Content, bool Loaded)
{
    /// <summary>The path relative to the tree root, '/' separated.</summary>
    public string RelativePath => Folder.RelativePath(Name);

    public string FullPath => Folder.FullPath(Name);

    /// <summary>The file is readable but its content has not been read yet.</summary>
    public bool Deferred { get; init; }

    /// <summary>
    /// The file's length when the tree was scanned (-1 when not known): a deferred file is read
    /// with it rather than asking the file system again, one system call less per file.
    /// </summary>
    public long ScannedLength { get; init; } = -1;

    /// <summary>Why a deferred file could not be read when it was loaded, or null.</summary>
    public string? LoadProblem { get; init; }

    /// <summary>This file with its content read (itself when already loaded or unreadable).</summary>
    public RevisionFile Load() => Load(null);

    /// <summary>
    /// This file with its content read, into <paramref name="arena"/> when one is given: the
    /// content is then valid only until the arena is reset.
    /// </summary>
    public RevisionFile Load(ReadArena? arena)
    {
        if (!Deferred) return this;
        try
        {
            return this with { Content = ReadAll(FullPath, ScannedLength, arena), Loaded = true, Deferred = false };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return this with { Deferred = false, LoadProblem = $"`{Name}` cannot be read: {e.Message}" };
        }
    }

    /// <summary>The whole file, into memory that is not zero-filled first (it is overwritten).</summary>
    /// <remarks>
    /// A file that grew since <paramref name="knownLength"/> was taken is read up to that length,
    /// as one that grows while it is read would be: the tree is read as it was when scanned.
    /// </remarks>
    private static ReadOnlyMemory<byte> ReadAll(string path, long knownLength, ReadArena? arena)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = knownLength >= 0 ? knownLength : RandomAccess.GetLength(handle);
        if (length > Array.MaxLength) throw new IOException($"{path} is too large to read");
        var bytes = arena is null ? GC.AllocateUninitializedArray<byte>((int)length) : arena.Take((int)length);
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.Span[read..], read);
            if (n == 0) return bytes[..read]; // the file shrank since its length was taken
            read += n;
        }
        return bytes;
    }
}
