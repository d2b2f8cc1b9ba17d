namespace Pipeline.Packages.Model;

/// <summary>
/// One revision folder, <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/</c>, with its files
/// in name order. <see cref="ReleaseVersion"/> is the folder's number.
/// </summary>
public sealed class PackageRevision
{
    public PackageRevision(string name, int releaseVersion, RevisionFolder folder, IReadOnlyList<RevisionFile> files)
    {
        Name = name;
        ReleaseVersion = releaseVersion;
        Folder = folder;
        Files = files;
    }

    public string Name { get; }
    public int ReleaseVersion { get; }
    public RevisionFolder Folder { get; }
    public string RelativeDirectory => Folder.RelativeDirectory;
    public string FullDirectory => Folder.FullDirectory;
    public IReadOnlyList<RevisionFile> Files { get; }

    public RevisionFile? File(string name)
    {
        foreach (var file in Files)
        {
            if (file.Name == name) return file;
        }
        return null;
    }

    public RevisionFile? PackageJson => File(KnownFiles.Package);
    public RevisionFile? ConfigJson => File(KnownFiles.Config);
    public RevisionFile? ResourceJson => File(KnownFiles.Resource);
    public RevisionFile? CommandJson => File(KnownFiles.Command);
    public RevisionFile? MarathonTemplate => File(KnownFiles.Marathon);
    public RevisionFile? Readme => File(KnownFiles.Readme);

    public IEnumerable<(DescriptorName Name, RevisionFile File)> Descriptors()
    {
        foreach (var file in Files)
        {
            if (DescriptorName.TryParse(file.Name, out var descriptor)) yield return (descriptor, file);
        }
    }

    /// <summary>This revision with every deferred file read.</summary>
    public PackageRevision Load() => Load(null);

    /// <summary>
    /// This revision with every deferred file read, into <paramref name="arena"/> when one is
    /// given: the contents are then valid only until the arena is reset.
    /// </summary>
    public PackageRevision Load(ReadArena? arena)
    {
        var deferred = false;
        foreach (var file in Files) deferred |= file.Deferred;
        if (!deferred) return this;
        var loaded = new RevisionFile[Files.Count];
        for (var i = 0; i < loaded.Length; i++) loaded[i] = Files[i].Load(arena);
        return new PackageRevision(Name, ReleaseVersion, Folder, loaded);
    }

    /// <summary>
    /// This revision with the contents it read dropped (read again by <see cref="Load()"/>): for
    /// holding on to a revision after the memory its contents were read into is reused.
    /// </summary>
    public PackageRevision WithoutContents()
    {
        var loaded = false;
        foreach (var file in Files) loaded |= file.Loaded;
        if (!loaded) return this;
        var files = new RevisionFile[Files.Count];
        for (var i = 0; i < files.Length; i++)
        {
            var file = Files[i];
            files[i] = file.Loaded ? file with { Content = ReadOnlyMemory<byte>.Empty, Loaded = false, Deferred = true } : file;
        }
        return new PackageRevision(Name, ReleaseVersion, Folder, files);
    }

    public override string ToString() => $"{Name}/{ReleaseVersion}";
}
