using Pipeline.Diagnostics;

namespace Pipeline.Templates.Parsing;

/// <summary>Turns character offsets into 1-based line and column; lines end at '\n'.</summary>
internal sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var newline = span[offset..].IndexOf('\n');
            if (newline < 0) break;
            offset += newline + 1;
            _lineStarts.Add(offset);
        }
    }

    public SourcePosition At(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return new SourcePosition(index + 1, offset - _lineStarts[index] + 1);
    }
}
