using Pipeline.Diagnostics;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// Turns any character offset into 1-based line and column; lines end at '\n'. Built with one
/// vectorised scan, for the rare places that need random access: problems.
/// </summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var span = text.AsSpan();
        var starts = new int[span.Count('\n') + 1];
        var offset = 0;
        for (var line = 1; line < starts.Length; line++)
        {
            offset += span[offset..].IndexOf('\n') + 1;
            starts[line] = offset;
        }
        _lineStarts = starts;
    }

    public SourcePosition At(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return new SourcePosition(index + 1, offset - _lineStarts[index] + 1);
    }
}
