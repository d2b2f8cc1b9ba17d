using System.Text.Json.Nodes;
using Pipeline.Diagnostics;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Packages.Model;

namespace Pipeline.Changes.Upgrades;

/// <summary>
/// Compares the options of two config.json schemas by dotted path, through composition
/// (<see cref="OptionTree"/>): options removed or renamed (UNI407), narrowed (UNI408), newly
/// required without a default (UNI409), defaults changed (UNI411). Bounded: at most
/// <see cref="MaxOptions"/> options compared and <see cref="OptionTree.MaxDepth"/> levels, so a
/// recursive <c>$ref</c> or a huge schema ends with <see cref="Truncated"/> set, never a blow-up.
/// </summary>
internal sealed class OptionComparison
{
    /// <summary>Options compared at most by each walk.</summary>
    public const int MaxOptions = 10_000;

    private readonly string _file;
    private readonly string _previousName;
    private readonly List<UpgradeFinding> _findings = [];
    private int _compared;

    /// <param name="file">The new config.json, where findings are reported.</param>
    /// <param name="previousName">The previous revision in words ("revision 3 (1.2.0)").</param>
    public OptionComparison(string file, string previousName)
    {
        _file = file;
        _previousName = previousName;
    }

    public IReadOnlyList<UpgradeFinding> Findings => _findings;

    /// <summary>Whether a bound stopped the comparison: options past it were not compared.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Options of <paramref name="previous"/> removed, renamed, narrowed or with another default in <paramref name="next"/>.</summary>
    public void Compare(OptionTree previous, OptionTree next)
    {
        _compared = 0;
        var pending = new Stack<(OptionNode Previous, OptionNode Next, Lineage? Lineage)>();
        pending.Push((previous.Root, next.Root, null));
        while (pending.Count > 0)
        {
            var (before, after, lineage) = pending.Pop();
            var pairs = new List<(OptionNode, OptionNode)>();
            foreach (var option in before.Children)
            {
                if (!Count()) return;
                if (after.Child(option.Name) is { } same) pairs.Add((option, same));
                // An open object (free-form, patternProperties, a bound) may still take the name.
                else if (!after.IsOpen) Removed(option, before, after, next);
            }
            if (before.Items is { } items && after.Items is { } newItems) pairs.Add((items, newItems));
            for (var i = pairs.Count - 1; i >= 0; i--)
            {
                var (option, same) = pairs[i];
                Changed(option, same);
                // A recursive $ref unfolds the same pair of schemas again below itself: compared once.
                var key = Lineage.Key(option, same);
                if (lineage?.Contains(key) == true) continue;
                if (same.Depth < OptionTree.MaxDepth) pending.Push((option, same, new Lineage(key, lineage)));
                else if (same.HasProperties || same.IsOpen || same.Items is not null) Truncated = true;
            }
        }
    }

    /// <summary>
    /// UNI409: options the new schema requires, without a default, that the previous options
    /// (merged with the new defaults) do not hold. A requirement inside an object the options do
    /// not hold does not apply to them, so only objects they hold are entered.
    /// </summary>
    public void NewlyRequired(OptionTree next, JsonObject options)
    {
        _compared = 0;
        var pending = new Stack<(OptionNode Node, JsonObject Value)>();
        pending.Push((next.Root, options));
        while (pending.Count > 0)
        {
            var (node, value) = pending.Pop();
            foreach (var option in node.Children)
            {
                if (!Count()) return;
                if (value[option.Name] is JsonObject inner)
                {
                    if (option.Depth < OptionTree.MaxDepth) pending.Push((option, inner));
                    else Truncated = true;
                }
                else if (!value.ContainsKey(option.Name) && option.Requirement == Requirement.Required && option.Default is null)
                {
                    _findings.Add(new UpgradeFinding(RuleCatalog.NewRequiredOption, option.Path, _file, PositionOf(option, next),
                        $"option `{option.Path}` is required without a default, and the options of {_previousName} do not give it"));
                }
            }
        }
    }

    /// <summary>A new revision without config.json: every option an operator of the previous one had a value for is gone.</summary>
    public static List<UpgradeFinding> ConfigRemoved(JsonDatum previous, PackageRevision next, string previousName)
    {
        var file = next.PackageJson?.RelativePath ?? next.RelativeDirectory;
        var options = OptionDefaults.Build(previous, placeholders: true);
        return [.. Leaves(options).Select(option => new UpgradeFinding(RuleCatalog.OptionRemoved, option, file, SourcePosition.None,
            $"option `{option}` of {previousName} is removed: the new revision has no config.json"))];
    }

    /// <summary>The dotted paths of the values in an options object, objects entered.</summary>
    private static IEnumerable<string> Leaves(JsonObject options)
    {
        var pending = new Stack<(string, JsonObject, int)>();
        pending.Push(("", options, 0));
        while (pending.Count > 0)
        {
            var (prefix, value, depth) = pending.Pop();
            foreach (var (name, inner) in value)
            {
                var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                if (inner is JsonObject { Count: > 0 } members && depth < OptionTree.MaxDepth) pending.Push((path, members, depth + 1));
                else yield return path;
            }
        }
    }

    private void Removed(OptionNode option, OptionNode parent, OptionNode newParent, OptionTree next)
    {
        var renamed = RenameCandidate(option, parent, newParent);
        var guess = renamed is null ? "" : $" (renamed to `{renamed.Path}`?)";
        _findings.Add(new UpgradeFinding(RuleCatalog.OptionRemoved, option.Path, _file, PropertiesOf(newParent, next),
            $"option `{option.Path}` of {_previousName} is removed{guess}"));
    }

    /// <summary>The one new option beside it, absent before, with the same type and default; null when none or several.</summary>
    private static OptionNode? RenameCandidate(OptionNode option, OptionNode parent, OptionNode newParent)
    {
        var candidates = newParent.Children
            .Where(n => parent.Child(n.Name) is null && Same(option.Keyword("type"), n.Keyword("type")) && Same(option.Default, n.Default))
            .Take(2)
            .ToArray();
        return candidates.Length == 1 ? candidates[0] : null;
    }

    private static bool Same(JsonDatum? a, JsonDatum? b) => a is null ? b is null : b is not null && JsonDatum.JsonEquals(a, b);

    private void Changed(OptionNode option, OptionNode same)
    {
        if (Narrowing.Of(option, same) is var (change, position))
        {
            _findings.Add(new UpgradeFinding(RuleCatalog.OptionNarrowed, same.Path, _file, position.IsKnown ? position : PositionOf(same, null),
                $"option `{same.Path}` accepts less than in {_previousName}: {change}"));
        }
        if (option.Default is { } before)
        {
            if (same.Default is { } after)
            {
                if (!JsonDatum.JsonEquals(before, after))
                {
                    _findings.Add(new UpgradeFinding(RuleCatalog.DefaultChanged, same.Path, _file, after.Position,
                        $"the default of option `{same.Path}` changes from {Narrowing.Show(before)} in {_previousName} to {Narrowing.Show(after)}"));
                }
            }
            else
            {
                _findings.Add(new UpgradeFinding(RuleCatalog.DefaultChanged, same.Path, _file, PositionOf(same, null),
                    $"option `{same.Path}` no longer has a default (it was {Narrowing.Show(before)} in {_previousName})"));
            }
        }
    }

    private bool Count()
    {
        if (++_compared <= MaxOptions) return true;
        Truncated = true;
        return false;
    }

    /// <summary>Where an option is declared: its schema under <c>properties</c>, else the first schema composition gives it.</summary>
    private static SourcePosition PositionOf(OptionNode option, OptionTree? tree) =>
        option.Declaration?.Position ?? option.Schemas.FirstOrDefault()?.Position ?? tree?.Schema.Position ?? SourcePosition.None;

    /// <summary>The <c>properties</c> object of a parent option (where a removed option was), else the parent's schema.</summary>
    private static SourcePosition PropertiesOf(OptionNode parent, OptionTree tree)
    {
        if (parent.Declaration?["properties"] is { } own) return own.Position;
        foreach (var schema in parent.Schemas)
        {
            if (schema["properties"] is { } properties) return properties.Position;
        }
        return PositionOf(parent, tree);
    }

    /// <summary>The schemas of the option pairs above one being compared, to see a recursive <c>$ref</c> come round again.</summary>
    private sealed record Lineage(string Value, Lineage? Parent)
    {
        public static string Key(OptionNode previous, OptionNode next) =>
            $"{string.Join(' ', previous.Schemas.Select(s => s.Pointer))}|{string.Join(' ', next.Schemas.Select(s => s.Pointer))}";

        public bool Contains(string key)
        {
            for (var at = this; at is not null; at = at.Parent)
            {
                if (at.Value == key) return true;
            }
            return false;
        }
    }
}
