using Microsoft.Extensions.Primitives;

namespace Pipeline.Serving.Responses;

/// <summary>
/// Evaluates <c>If-None-Match</c> (RFC 9110 §13.1.2): <c>*</c>, or a list of entity tags compared
/// with the weak comparison the RFC requires there (<c>W/"x"</c> matches <c>"x"</c>). A tag may hold
/// commas, so the list is scanned tag by tag rather than split. A malformed list matches nothing
/// from the first fault on: the full response is the safe answer. Each character is read once.
/// </summary>
internal static class IfNoneMatch
{
    /// <summary>Whether the field matches <paramref name="etag"/> (a strong tag, quoted).</summary>
    public static bool Matches(StringValues field, string etag)
    {
        var opaque = etag.AsSpan(1, etag.Length - 2);
        foreach (var line in field)
        {
            if (Matches((line ?? "").AsSpan(), opaque)) return true;
        }
        return false;
    }

    private static bool Matches(ReadOnlySpan<char> field, ReadOnlySpan<char> opaque)
    {
        var at = 0;
        while (true)
        {
            while (at < field.Length && field[at] is ' ' or '\t' or ',') at++;
            if (at == field.Length) return false;
            if (field[at] == '*') return true;
            if (field[at..].StartsWith("W/", StringComparison.Ordinal)) at += 2;
            if (at == field.Length || field[at] != '"') return false;
            var end = field[(at + 1)..].IndexOf('"');
            if (end < 0) return false;
            if (field.Slice(at + 1, end).SequenceEqual(opaque)) return true;
            at += end + 2;
        }
    }
}
