namespace Pipeline.Json.Dom;

/// <summary>
/// One token of a parsed document, in document order: a container is followed by its children (an
/// object's by name, value, name, value...). Eight bytes and no references, so a whole document is
/// one small array the garbage collector never traces. What kind of token it is shows in the byte
/// at <see cref="Offset"/>: '{', '[', '"' (a string, or a name where a name belongs), 't', 'f', 'n',
/// else a number.
/// </summary>
internal struct Row
{
    /// <summary>Byte offset of the token's first character (the opening quote for strings and names).</summary>
    public int Offset;

    /// <summary>
    /// Strings and names: the raw bytes between the quotes. Numbers and literals: the token's bytes.
    /// Containers: the rows taken by the container and everything inside it.
    /// </summary>
    public int Length;

    public readonly bool IsContainer(ReadOnlySpan<byte> bytes) => bytes[Offset] is (byte)'{' or (byte)'[';

    /// <summary>Rows taken by this token and everything inside it.</summary>
    public readonly int Extent(ReadOnlySpan<byte> bytes) => IsContainer(bytes) ? Length : 1;
}
