using System.Globalization;

namespace Pipeline.Cli.Commands;

/// <summary>A size as people write it on a command line: bytes, or a number with K, M or G (powers of 1024, an optional "iB" or "B").</summary>
public static class ByteSize
{
    /// <returns>The bytes, or null when the text is not a positive size.</returns>
    public static long? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.EndsWith("iB", StringComparison.OrdinalIgnoreCase)) trimmed = trimmed[..^2];
        else if (trimmed.EndsWith('B') || trimmed.EndsWith('b')) trimmed = trimmed[..^1];
        var shift = trimmed.Length == 0 ? 0 : char.ToUpperInvariant(trimmed[^1]) switch { 'K' => 10, 'M' => 20, 'G' => 30, _ => 0 };
        if (shift > 0) trimmed = trimmed[..^1];
        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0 || number > long.MaxValue >> shift) return null;
        return number << shift;
    }
}
