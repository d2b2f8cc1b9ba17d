namespace Pipeline.Packages;

/// <summary>
/// One file of a package revision, read into memory once. <see cref="Content"/> is empty when the
/// file could not be read (too large, a link out of the tree, an I/O error); the reader reported why.
/// </summary>
public sealed record RevisionFile(string Name, string RelativePath, string FullPath, ReadOnlyMemory<byte> Content, bool Loaded)
{
    public bool IsDescriptor => DescriptorName.TryParse(Name, out _);
}
