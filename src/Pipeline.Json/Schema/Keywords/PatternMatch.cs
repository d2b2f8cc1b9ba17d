using System.Text.RegularExpressions;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// Runs a schema regex under its timeout: a pattern that backtracks forever is a finding, never an
/// exception. Outcomes are remembered for the rest of one validation, since <c>oneOf</c> branches
/// tend to check the same value against the same pattern.
/// </summary>
internal static class PatternMatch
{
    /// <summary>False when the match timed out; <paramref name="matched"/> is then false too.</summary>
    public static bool TryIsMatch(Regex regex, string input, ValidationContext context, out bool matched)
    {
        if (context.RememberedMatch(regex, input) is { } remembered)
        {
            matched = remembered == MatchOutcome.Matched;
            return remembered != MatchOutcome.TimedOut;
        }
        // The timeout measures wall time, so a thread descheduled on a busy machine can time out on
        // a harmless pattern: one retry tells that apart from a pattern that really backtracks.
        var outcome = Run(regex, input);
        if (outcome == MatchOutcome.TimedOut) outcome = Run(regex, input);
        context.RememberMatch(regex, input, outcome);
        matched = outcome == MatchOutcome.Matched;
        return outcome != MatchOutcome.TimedOut;
    }

    private static MatchOutcome Run(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input) ? MatchOutcome.Matched : MatchOutcome.NotMatched;
        }
        catch (RegexMatchTimeoutException)
        {
            return MatchOutcome.TimedOut;
        }
    }

    public static string TooSlow(string subject, string pattern) =>
        $"{subject} could not be checked against the pattern {Wording.Shortened(pattern)}: the pattern took too long to evaluate (catastrophic backtracking)";
}

internal enum MatchOutcome : byte
{
    Matched,
    NotMatched,
    TimedOut,
}
