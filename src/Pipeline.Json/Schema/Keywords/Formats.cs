using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Json.Schema.Compilation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// Loose checks for the string formats worth checking in package manifests. Loose on purpose: they
/// catch obvious mistakes (a bare word where a URL belongs) without arguing over RFC corner cases.
/// </summary>
internal static partial class Formats
{
    /// <summary>
    /// A format and its check. Answers are remembered per process (up to a bound): manifests repeat
    /// the same URLs and ids across revisions, and parsing a URI costs more than looking it up.
    /// </summary>
    public sealed class Format(string description, Func<string, bool> check)
    {
        private const int Remembered = 8192;
        private const int LongestRemembered = 512;

        private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

        public string Description { get; } = description;

        public bool IsValid(string text)
        {
            if (_answers.TryGetValue(text, out var valid)) return valid;
            valid = check(text);
            if (text.Length <= LongestRemembered && _answers.Count < Remembered) _answers.TryAdd(text, valid);
            return valid;
        }
    }

    private static readonly Dictionary<string, Format> Known = new(StringComparer.Ordinal)
    {
        ["uri"] = new("a valid absolute URI", IsUri),
        ["uri-reference"] = new("a valid URI reference", IsUriReference),
        ["email"] = new("a valid email address", IsEmail),
        ["ipv4"] = new("a valid IPv4 address", IsIPv4),
        ["ipv6"] = new("a valid IPv6 address", IsIPv6),
        ["hostname"] = new("a valid host name", IsHostName),
        ["date-time"] = new("a valid date-time (like 2024-01-31T12:00:00Z)", IsDateTime),
        ["regex"] = new("a valid regular expression", IsRegex),
    };

    public static Format? Find(string name) => Known.GetValueOrDefault(name);

    private static bool IsUri(string text)
    {
        // A scheme first: on Unix, Uri would otherwise take "/path" for an absolute file URI.
        var colon = text.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        }
        return !HasSpaceOrControl(text) && Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    private static bool IsUriReference(string text) =>
        !HasSpaceOrControl(text) && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _);

    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !HasSpaceOrControl(text);
    }

    private static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(part =>
            part.Length is >= 1 and <= 3
            && part.All(char.IsAsciiDigit)
            && (part.Length == 1 || part[0] != '0')
            && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }

    // IPAddress also takes a zone ("%eth1"), brackets and a sloppy embedded IPv4 part, none of which
    // belong in an address written in a manifest.
    private static bool IsIPv6(string text) =>
        text.Contains(':', StringComparison.Ordinal)
        && text.AsSpan().IndexOfAny('%', '[', ']') < 0
        && (!text.Contains('.', StringComparison.Ordinal) || IsIPv4(text[(text.LastIndexOf(':') + 1)..]))
        && IPAddress.TryParse(text, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsHostName(string text) =>
        text.Length is >= 1 and <= 253 && text.TrimEnd('.').Split('.').All(label =>
            label.Length is >= 1 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static bool IsDateTime(string text)
    {
        if (DateTimePattern().Match(text) is not { Success: true } match) return false;
        // A leap second (":60") is valid only as the last second of a UTC day, wherever its offset puts it.
        var seconds = match.Groups["second"];
        var leap = seconds.ValueSpan is "60";
        var parseable = leap ? string.Concat(text.AsSpan(0, seconds.Index), "59", text.AsSpan(seconds.Index + 2)) : text;
        return DateTimeOffset.TryParse(parseable.ToUpperInvariant(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            && (!leap || parsed.UtcDateTime is { Hour: 23, Minute: 59 });
    }

    private static bool IsRegex(string text) => PatternCache.IsValid(text);

    private static bool HasSpaceOrControl(string text)
    {
        foreach (var c in text)
        {
            if (c <= ' ' || char.IsControl(c) || char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    // \z, not $: a trailing newline is not part of a date-time.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:(?<second>[0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();
}
