using System.Diagnostics;
using System.Runtime.CompilerServices;
using Pipeline.Diagnostics;

namespace Pipeline.Templates.Parsing;

/// <summary>
/// 1-based line and column of offsets met in increasing order, as the compiler meets tags:
/// each stretch of text is counted once, with vectorised searches, and nothing is allocated.
/// </summary>
internal struct LineCursor(string text)
{
    private int _counted;
    private int _line = 1;
    private int _lineStart;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SourcePosition At(int offset)
    {
        Debug.Assert(offset >= _counted || offset >= _lineStart, "Offsets must come in increasing order.");
        if (offset > _counted)
        {
            var stretch = text.AsSpan(_counted, offset - _counted);
            var last = stretch.LastIndexOf('\n');
            if (last >= 0)
            {
                _line += stretch[..last].Count('\n') + 1;
                _lineStart = _counted + last + 1;
            }
            _counted = offset;
        }
        return new SourcePosition(_line, offset - _lineStart + 1);
    }
}
