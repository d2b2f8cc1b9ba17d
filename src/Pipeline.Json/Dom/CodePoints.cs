namespace Pipeline.Json.Dom;

/// <summary>Counting Unicode code points, which is what columns and string lengths are measured in.</summary>
internal static class CodePoints
{
    /// <summary>Code points in valid UTF-8: every byte that is not a continuation byte starts one.</summary>
    public static int Count(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) != 0x80) count++;
        }
        return count;
    }

    /// <summary>Code points in a string: a surrogate pair counts once.</summary>
    public static int Count(string text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])) count--;
        }
        return count;
    }
}
