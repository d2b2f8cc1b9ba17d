using System.Text.RegularExpressions;

namespace Pipeline.Json;

/// <summary>Compiles each distinct pattern of a schema once, with the match timeout; null for an invalid one.</summary>
internal sealed class PatternCache(TimeSpan timeout)
{
    private readonly Dictionary<string, (Regex? Regex, string? Error)> _compiled = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout = timeout <= TimeSpan.Zero
        ? TimeSpan.FromMilliseconds(1)
        : timeout > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : timeout;

    public Regex? Compile(string pattern, out string? error)
    {
        if (!_compiled.TryGetValue(pattern, out var compiled))
        {
            try
            {
                compiled = (new Regex(EcmaPattern.ToDotNet(pattern), RegexOptions.CultureInvariant, _timeout), null);
            }
            catch (ArgumentException invalid)
            {
                compiled = (null, invalid.Message);
            }
            _compiled[pattern] = compiled;
        }
        error = compiled.Error;
        return compiled.Regex;
    }
}
