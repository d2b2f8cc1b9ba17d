using Pipeline.Diagnostics;

namespace Pipeline.Json.Dom;

/// <summary>
/// One member of a JSON object, in document order. <see cref="NamePosition"/> is where the quoted
/// name starts; for parsed documents it is computed on first use from the name's byte offset.
/// </summary>
public sealed record JsonMember(string Name, JsonDatum Value, SourcePosition NamePosition)
{
    // Byte offset of the name's opening quote in the parsed document, or -1 when the position was given.
    private readonly int _nameOffset = -1;

    internal JsonMember(string name, JsonDatum value, int nameOffset)
        : this(name, value, SourcePosition.None)
    {
        _nameOffset = nameOffset;
    }

    public SourcePosition NamePosition
    {
        get => _nameOffset >= 0 ? Value.PositionAt(_nameOffset) : field;
        init
        {
            field = value;
            _nameOffset = -1;
        }
    } = NamePosition;
}
