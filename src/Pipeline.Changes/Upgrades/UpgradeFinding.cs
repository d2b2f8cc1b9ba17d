using Pipeline.Diagnostics;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// One upgrade finding before the severity policy is applied (<see cref="UpgradeRules"/>): the
/// rule, the option's dotted path (what the evidence check matches the validator's failures
/// with), where in the new revision it is reported, and what it says.
/// </summary>
internal sealed record UpgradeFinding(Rule Rule, string Option, string File, SourcePosition Position, string Message)
{
    /// <summary>
    /// The validator's words when the new schema rejects the previous revision's options at this
    /// option (the evidence check): for UNI408 that makes the narrowing an error.
    /// </summary>
    public string? Rejection { get; init; }

    /// <summary>The finding that a bound stopped the comparison: it says what was not checked and is no break in itself.</summary>
    public bool Incomplete { get; init; }

    /// <summary>Whether a failure at <paramref name="option"/> (a dotted path) is this finding's doing: the option itself or inside it.</summary>
    public bool Covers(string option) =>
        option == Option
        || (option.Length > Option.Length && option.StartsWith(Option, StringComparison.Ordinal) && option[Option.Length] is '.' or '[');
}
