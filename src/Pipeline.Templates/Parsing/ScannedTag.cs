namespace Pipeline.Templates.Parsing;

/// <summary>
/// A tag as found in the source, by offsets only so that scanning allocates nothing.
/// <see cref="Start"/> is the offset of its opening delimiter; the name is
/// <see cref="NameLength"/> characters at <see cref="NameStart"/>. <see cref="OccupiedStart"/>
/// and <see cref="OccupiedEnd"/> bound the text it removes from the output: the tag itself, or
/// its whole line when it stands alone.
/// </summary>
internal readonly record struct ScannedTag(
    TokenKind Kind, int NameStart, int NameLength, int Start, int OccupiedStart, int OccupiedEnd)
{
    public ReadOnlySpan<char> NameIn(string text) => text.AsSpan(NameStart, NameLength);
}
