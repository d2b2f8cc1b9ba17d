using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Every schema's patterns, compiled once per process: manifests repeat the same few patterns
/// thousands of times, and building a <see cref="Regex"/> costs far more than matching with it.
/// A regex is immutable and safe to share between threads and schemas; an invalid pattern is
/// remembered with its error. Bounded, since patterns come from untrusted documents.
/// </summary>
internal static class PatternCache
{
    /// <summary>Past this many entries new patterns are compiled but no longer kept.</summary>
    private const int Capacity = 4096;

    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Compiled> Entries = new();

    public readonly record struct Compiled(Regex? Regex, string? Error);

    /// <summary>The regex for a schema pattern with the match timeout; null with the reason when the pattern is invalid.</summary>
    public static Regex? Get(string pattern, TimeSpan timeout, out string? error)
    {
        var key = (pattern, Clamp(timeout));
        if (!Entries.TryGetValue(key, out var compiled))
        {
            compiled = Compile(key.pattern, key.Item2);
            if (Entries.Count < Capacity) compiled = Entries.GetOrAdd(key, compiled);
        }
        error = compiled.Error;
        return compiled.Regex;
    }

    /// <summary>Whether a pattern compiles; shares the entry that schemas with the default options use.</summary>
    public static bool IsValid(string pattern) => Get(pattern, SchemaOptions.Default.RegexTimeout, out _) is not null;

    private static Compiled Compile(string pattern, TimeSpan timeout)
    {
        try
        {
            return new(new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, timeout), null);
        }
        catch (ArgumentException invalid)
        {
            return new(null, ErrorInOriginal(pattern) ?? invalid.Message);
        }
    }

    // The error as .NET words it for what the author wrote, not for its translation.
    private static string? ErrorInOriginal(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException invalid)
        {
            return invalid.Message;
        }
    }

    private static TimeSpan Clamp(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1)
        : timeout > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1)
        : timeout;
}
