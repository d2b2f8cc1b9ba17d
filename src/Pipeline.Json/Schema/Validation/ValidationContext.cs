using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Keywords;

namespace Pipeline.Json.Schema.Validation;

/// <summary>
/// The state of one validation: where findings go, whether only a yes/no answer is wanted, and the
/// guards that keep a cyclic schema or a deep document from running away.
/// </summary>
/// <remarks>
/// Probing answers "does it match?" and stops at the first failure without building any message:
/// <c>anyOf</c>, <c>oneOf</c> and <c>not</c> probe their branches first and only evaluate them in
/// full when an explanation is needed, so valid documents never pay for the branches they do not take.
/// </remarks>
internal sealed class ValidationContext
{
    /// <summary>How many subschemas may be entered inside one another.</summary>
    public const int MaxDepth = 400;

    /// <summary>How many subschemas one validation may enter in all (exponential anyOf nesting, cycles).</summary>
    public const long MaxSteps = 2_000_000;

    private const int RememberedMatches = 32;

    private (Regex Regex, string Input, MatchOutcome Outcome)[]? _matches; // made at the first match
    private int _matchCount;
    private int _nextMatch;
    private List<Finding> _findings = [];
    private int _depth;
    private long _steps;
    private Finding? _stopped;
    private bool _probing;
    private bool _probeFailed;

    /// <summary>How many subschemas this validation has entered so far (each call of <see cref="Enter"/>).</summary>
    public long Steps => _steps;

    /// <summary>True while probing once something has failed: evaluation can stop.</summary>
    public bool Failed => _probeFailed;

    public bool Enter(JsonDatum instance)
    {
        if (_stopped is not null) return false;
        if (++_steps > MaxSteps)
        {
            _stopped = new Finding("depth", instance, "validation stopped: the schema takes too much work to evaluate on this document", "", Wording.Field(instance));
            return false;
        }
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _stopped = new Finding(
                "depth",
                instance,
                string.Create(CultureInfo.InvariantCulture, $"{Wording.Name(instance)} is nested too deeply to validate (more than {MaxDepth} levels of schema)"),
                "",
                Wording.Field(instance));
            return false;
        }
        _depth++;
        return true;
    }

    public void Exit() => _depth--;

    /// <summary>
    /// Call when a check fails, before building its finding: true while probing (the failure is
    /// noted and no finding is wanted), false when the caller should <see cref="Report"/> one.
    /// </summary>
    public bool Failing()
    {
        if (!_probing) return false;
        _probeFailed = true;
        return true;
    }

    public void Report(Finding finding)
    {
        if (!Failing()) _findings.Add(finding);
    }

    public void ReportAll(IEnumerable<Finding> findings)
    {
        if (!Failing()) _findings.AddRange(findings);
    }

    /// <summary>Whether the instance matches the subschema, as cheaply as possible.</summary>
    public bool Matches(SchemaNode node, JsonDatum instance)
    {
        var (probing, failed) = (_probing, _probeFailed);
        (_probing, _probeFailed) = (true, false);
        node.Validate(instance, this);
        var matched = !_probeFailed;
        (_probing, _probeFailed) = (probing, failed);
        return matched;
    }

    /// <summary>Validates against a subschema in full, collecting its findings apart instead of reporting them.</summary>
    public List<Finding> Capture(SchemaNode node, JsonDatum instance)
    {
        var (outer, probing, failed) = (_findings, _probing, _probeFailed);
        (_findings, _probing, _probeFailed) = ([], false, false);
        node.Validate(instance, this);
        var captured = _findings;
        (_findings, _probing, _probeFailed) = (outer, probing, failed);
        return captured;
    }

    public MatchOutcome? RememberedMatch(Regex regex, string input)
    {
        // Branches check the very same string instance, so references are compared.
        for (var i = 0; i < _matchCount; i++)
        {
            ref var entry = ref _matches![i];
            if (ReferenceEquals(entry.Regex, regex) && ReferenceEquals(entry.Input, input)) return entry.Outcome;
        }
        return null;
    }

    public void RememberMatch(Regex regex, string input, MatchOutcome outcome)
    {
        _matches ??= new (Regex, string, MatchOutcome)[RememberedMatches];
        _matches[_nextMatch] = (regex, input, outcome);
        _nextMatch = (_nextMatch + 1) % RememberedMatches;
        _matchCount = Math.Min(_matchCount + 1, RememberedMatches);
    }

    public IReadOnlyList<SchemaError> Errors()
    {
        if (_stopped is not null) _findings.Add(_stopped);
        if (_findings.Count == 0) return [];
        var seen = new HashSet<SchemaError>();
        var errors = new List<SchemaError>(_findings.Count);
        foreach (var finding in _findings)
        {
            var error = finding.ToError();
            if (seen.Add(error)) errors.Add(error);
        }
        return errors;
    }
}
