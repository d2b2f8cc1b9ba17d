using System.Globalization;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// How the new schema of one option accepts less than the previous one (UNI408): a changed type
/// (integer → number widens and is not reported), a new <c>enum</c> or one that lost values, a
/// lower <c>maximum</c> or higher <c>minimum</c>, an exclusive bound added, a new or changed
/// <c>pattern</c>, tighter lengths or item counts, <c>additionalProperties</c> turned false.
/// Keywords are read through composition (<see cref="OptionNode.Keyword"/>).
/// </summary>
internal static class Narrowing
{
    /// <summary>What narrowed, in words, and where the first narrowing keyword is in the new schema; null when nothing did.</summary>
    public static (string Change, SourcePosition Position)? Of(OptionNode previous, OptionNode next)
    {
        var changes = new List<string>();
        var position = SourcePosition.None;
        void Add(string change, JsonDatum at)
        {
            changes.Add(change);
            if (!position.IsKnown) position = at.Position;
        }

        if (next.Keyword("type") is { } type && TypeNarrowed(previous.Keyword("type"), type) is { } typeChange) Add(typeChange, type);
        if (next.Keyword("enum") is { Kind: JsonKind.Array } values && EnumNarrowed(previous.Keyword("enum"), values) is { } enumChange) Add(enumChange, values);
        Bound(previous, next, "maximum", lower: true, Add);
        Bound(previous, next, "minimum", lower: false, Add);
        Exclusive(previous, next, "exclusiveMaximum", lower: true, Add);
        Exclusive(previous, next, "exclusiveMinimum", lower: false, Add);
        Bound(previous, next, "maxLength", lower: true, Add);
        Bound(previous, next, "minLength", lower: false, Add);
        Bound(previous, next, "maxItems", lower: true, Add);
        Bound(previous, next, "minItems", lower: false, Add);
        if (next.Keyword("pattern") is { Kind: JsonKind.String } pattern)
        {
            var before = previous.Keyword("pattern");
            if (before is not { Kind: JsonKind.String }) Add($"a new pattern {Show(pattern)}", pattern);
            else if (before.String != pattern.String) Add($"pattern changed from {Show(before)} to {Show(pattern)}", pattern);
        }
        if (next.Keyword("additionalProperties") is { Kind: JsonKind.Boolean, Boolean: false } closed
            && previous.Keyword("additionalProperties") is not { Kind: JsonKind.Boolean, Boolean: false })
        {
            Add("additionalProperties is now false", closed);
        }
        return changes.Count == 0 ? null : (string.Join("; ", changes), position);
    }

    private static string? TypeNarrowed(JsonDatum? previous, JsonDatum next)
    {
        if (Types(next) is not { } after) return null;
        var before = Types(previous);
        if (before is null) return $"a type is now required ({Show(next)})";
        // integer → number widens: every integer is a number.
        bool Accepts(string type) => after.Contains(type) || (type == "integer" && after.Contains("number"));
        return before.All(Accepts) ? null : $"type changed from {Show(previous!)} to {Show(next)}";
    }

    private static HashSet<string>? Types(JsonDatum? type) => type switch
    {
        { Kind: JsonKind.String } one => [one.String!],
        { Kind: JsonKind.Array } several => [.. several.Items.Select(t => t.String).OfType<string>()],
        _ => null,
    };

    private static string? EnumNarrowed(JsonDatum? previous, JsonDatum next)
    {
        if (previous is not { Kind: JsonKind.Array }) return $"a new enum {Show(next)}";
        var lost = previous.Items.Where(value => !next.Items.Any(allowed => JsonDatum.JsonEquals(allowed, value))).ToArray();
        return lost.Length == 0 ? null : $"enum no longer allows {string.Join(", ", lost.Select(Show))}";
    }

    /// <param name="lower">True for upper bounds (maximum, maxLength…), which narrow by going down.</param>
    private static void Bound(OptionNode previous, OptionNode next, string keyword, bool lower, Action<string, JsonDatum> add)
    {
        if (next.Keyword(keyword) is not { Kind: JsonKind.Number } after) return;
        var before = previous.Keyword(keyword);
        // A lower bound of 0 on a length or count is no bound at all.
        if (before is not { Kind: JsonKind.Number })
        {
            if (lower || after.Number > 0 || keyword is "minimum") add($"a new {keyword} {Show(after)}", after);
            return;
        }
        if (lower ? after.Number < before.Number : after.Number > before.Number)
        {
            add($"{keyword} {(lower ? "lowered" : "raised")} from {Show(before)} to {Show(after)}", after);
        }
    }

    /// <summary>Draft 4's boolean exclusive bounds and the numeric ones of later drafts.</summary>
    private static void Exclusive(OptionNode previous, OptionNode next, string keyword, bool lower, Action<string, JsonDatum> add)
    {
        var after = next.Keyword(keyword);
        var before = previous.Keyword(keyword);
        switch (after)
        {
            case { Kind: JsonKind.Boolean, Boolean: true } when before is not { Kind: JsonKind.Boolean, Boolean: true }:
                add($"{keyword} is now true", after);
                break;
            case { Kind: JsonKind.Number } when before is not { Kind: JsonKind.Number }:
                add($"a new {keyword} {Show(after)}", after);
                break;
            case { Kind: JsonKind.Number } when lower ? after.Number < before!.Number : after.Number > before!.Number:
                add($"{keyword} {(lower ? "lowered" : "raised")} from {Show(before!)} to {Show(after)}", after);
                break;
        }
    }

    /// <summary>A value as compact JSON, cut short: messages stay one line.</summary>
    public static string Show(JsonDatum value)
    {
        var text = value.Kind == JsonKind.Number ? value.NumberText ?? value.Number.ToString(CultureInfo.InvariantCulture) : value.ToString();
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }
}
