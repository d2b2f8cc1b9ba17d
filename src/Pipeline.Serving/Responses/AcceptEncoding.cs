using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Pipeline.Serving.Responses;

/// <summary>
/// The codings an <c>Accept-Encoding</c> field accepts, best first (RFC 9110 §12.5.3): each coding's
/// q from its own entry, else from <c>*</c>; identity is acceptable unless <c>identity;q=0</c> or
/// <c>*;q=0</c> excludes it, and when not named it comes last (a client naming codings wants them,
/// as nginx reads it). At equal q, br before gzip before identity (smallest first). No field
/// asks for identity only. An entry with a q that is not a qvalue counts as q=0. Parsing reads each
/// character once, so a long or odd field costs its length and no more (Kestrel bounds that).
/// </summary>
internal static class AcceptEncoding
{
    /// <summary>Identity's q when the field does not name it: acceptable, below every coding named.</summary>
    private const double Unnamed = 0.0001;

    /// <summary>Fields seen, read once each: clients send a handful of distinct ones. Bounded, so odd fields cannot grow it.</summary>
    private const int Remembered = 64;

    private static readonly ContentCoding[] s_identity = [ContentCoding.Identity];
    private static readonly ConcurrentDictionary<string, ContentCoding[]> s_seen = new(StringComparer.Ordinal);

    /// <summary>How many distinct fields are remembered now (tests: never past the bound).</summary>
    internal static int RememberedFields => s_seen.Count;

    /// <summary>The acceptable codings, best first; empty when the field excludes every one.</summary>
    public static IReadOnlyList<ContentCoding> Preferred(StringValues field)
    {
        if (field.Count == 0) return s_identity;
        if (field.Count > 1 || field[0] is not { Length: <= 256 } line) return Read(field);
        if (s_seen.TryGetValue(line, out var known)) return known;
        var read = Read(field);
        if (s_seen.Count < Remembered) s_seen.TryAdd(line, read);
        return read;
    }

    private static ContentCoding[] Read(StringValues field)
    {
        double? brotli = null, gzip = null, identity = null, any = null;
        foreach (var line in field)
        {
            foreach (var entry in (line ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var semicolon = entry.IndexOf(';', StringComparison.Ordinal);
                var coding = (semicolon < 0 ? entry : entry[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1 : Quality(entry.AsSpan(semicolon + 1));
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase)) brotli = quality;
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)) gzip = quality;
                else if (coding.Equals("identity", StringComparison.OrdinalIgnoreCase)) identity = quality;
                else if (coding == "*") any = quality;
            }
        }
        var qualities = new[] { brotli ?? any ?? 0, gzip ?? any ?? 0, identity ?? any ?? Unnamed };
        return ContentCodings.All.Where(c => qualities[(int)c] > 0).OrderByDescending(c => qualities[(int)c]).ToArray();
    }

    /// <summary>The q parameter of an entry's parameters: 1 when absent, 0 when not a qvalue (0 to 1, up to three decimals).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length < 2 || (parameter[0] is not ('q' or 'Q')) || parameter[1] != '=') continue;
            var value = parameter[2..];
            return value.Length <= 5
                && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q <= 1
                ? q
                : 0;
        }
        return 1;
    }
}
