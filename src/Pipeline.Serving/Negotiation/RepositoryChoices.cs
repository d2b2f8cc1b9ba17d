using System.Collections.Concurrent;

namespace Pipeline.Serving.Negotiation;

/// <summary>
/// <see cref="RepositoryNegotiation.Choose"/> remembered by the pair of fields it reads: a site's
/// clients send a handful of distinct User-Agent and Accept lines, so each pair is negotiated once
/// (a regular expression and a split of Accept) rather than per request. Bounded in count and in
/// the length of what it keeps, so odd or hostile fields cost their negotiation and never memory.
/// </summary>
internal sealed class RepositoryChoices
{
    private const int Remembered = 64;
    private const int LongestKept = 512;

    private readonly ConcurrentDictionary<(string UserAgent, string Accept), RepositoryChoice> _seen = new();

    /// <summary>How many pairs are remembered now (tests: never past the bound).</summary>
    public int Count => _seen.Count;

    public RepositoryChoice Choose(string userAgent, string accept)
    {
        if (userAgent.Length + accept.Length > LongestKept) return RepositoryNegotiation.Choose(userAgent, accept);
        if (_seen.TryGetValue((userAgent, accept), out var known)) return known;
        var choice = RepositoryNegotiation.Choose(userAgent, accept);
        if (_seen.Count < Remembered) _seen.TryAdd((userAgent, accept), choice);
        return choice;
    }
}
