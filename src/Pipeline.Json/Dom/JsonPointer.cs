namespace Pipeline.Json.Dom;

/// <summary>RFC 6901 JSON Pointers, plus the URI fragment form used by <c>$ref</c>.</summary>
public static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.AsSpan().IndexOfAny('~', '/') < 0 ? segment : segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Splits a pointer into unescaped segments; false when it is not a pointer.</summary>
    public static bool TryParse(string pointer, out List<string> segments)
    {
        segments = [];
        if (pointer.StartsWith('#')) pointer = Uri.UnescapeDataString(pointer[1..]);
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;

        var start = 1;
        while (true)
        {
            var end = pointer.IndexOf('/', start);
            var raw = end < 0 ? pointer[start..] : pointer[start..end];
            if (!TryUnescape(raw, out var segment)) return false;
            segments.Add(segment);
            if (end < 0) return true;
            start = end + 1;
        }
    }

    /// <summary>An array index segment: digits without leading zeros, within the array.</summary>
    public static bool TryParseIndex(string segment, int count, out int index)
    {
        index = -1;
        if (segment.Length == 0 || segment.Length > 10 || (segment.Length > 1 && segment[0] == '0')) return false;
        long value = 0;
        foreach (var c in segment)
        {
            if (c is < '0' or > '9') return false;
            value = (value * 10) + (c - '0');
        }
        if (value >= count) return false;
        index = (int)value;
        return true;
    }

    private static bool TryUnescape(string raw, out string segment)
    {
        segment = raw;
        if (!raw.Contains('~', StringComparison.Ordinal)) return true;
        var chars = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '~')
            {
                chars.Append(raw[i]);
                continue;
            }
            if (i + 1 >= raw.Length) return false;
            var next = raw[++i];
            if (next == '0') chars.Append('~');
            else if (next == '1') chars.Append('/');
            else return false;
        }
        segment = chars.ToString();
        return true;
    }
}
