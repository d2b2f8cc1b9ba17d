namespace Pipeline.Json.Dom;

/// <summary>
/// Byte offsets at which lines begin. Only '\n' ends a line (so "\r\n" does too), which is also
/// how the reader counts the lines it reports in errors.
/// </summary>
internal static class LineStarts
{
    public static int[] Of(ReadOnlySpan<byte> bytes, int start)
    {
        var text = bytes[start..];
        var starts = new int[text.Count((byte)'\n') + 1];
        starts[0] = start;
        var line = 1;
        var at = 0;
        while (line < starts.Length)
        {
            at += text[at..].IndexOf((byte)'\n') + 1;
            starts[line++] = start + at;
        }
        return starts;
    }
}
