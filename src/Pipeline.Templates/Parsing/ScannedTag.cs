namespace Pipeline.Templates.Parsing;

/// <summary>
/// A tag as found in the source. <see cref="Start"/> is the offset of its opening delimiter and
/// <see cref="End"/> the offset just past its closing one. <see cref="OccupiedStart"/> and
/// <see cref="OccupiedEnd"/> bound the text it removes from the output: the tag itself, or its
/// whole line when it stands alone.
/// </summary>
internal readonly record struct ScannedTag(TokenKind Kind, string Name, int Start, int End, int OccupiedStart, int OccupiedEnd)
{
    public ScannedTag(TokenKind kind, string name, int start, int end)
        : this(kind, name, start, end, start, end)
    {
    }
}
