using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// Explains why no branch of an <c>anyOf</c>/<c>oneOf</c> matched, in terms of one branch rather than
/// a generic "matches none". When every branch rejects the same value for its type or allowed values,
/// and they disagree about what is allowed (a discriminator such as <c>packagingVersion</c>), the
/// branches' expectations are merged into one error. Otherwise the likeliest branch is the one whose
/// discriminating values match: fewest type/enum/const errors on the value itself, then on its direct
/// members, then fewest errors in all, the first on ties. Its errors are returned.
/// </summary>
internal static class BranchChoice
{
    public static IReadOnlyList<Finding> Explain(Keyword combinator, JsonDatum instance, List<Finding>[] failures)
    {
        if (failures.Length == 0) return [];
        return Merged(combinator, instance, failures) is { } merged ? [merged] : failures[Likeliest(instance, failures)];
    }

    private static Finding? Merged(Keyword combinator, JsonDatum instance, List<Finding>[] failures)
    {
        var candidates = failures[0]
            .Where(f => f.IsShape && (f.Instance == instance || f.Instance.Parent == instance))
            .Select(f => f.Instance)
            .Distinct()
            .OrderBy(value => value == instance ? 0 : 1);
        foreach (var value in candidates)
        {
            var shapes = failures.Select(branch => branch.Where(f => f.IsShape && f.Instance == value).ToList()).ToList();
            if (shapes.Any(branch => branch.Count == 0)) continue;

            var types = Union(shapes, f => f.Keyword == "type");
            var allowed = Union(shapes, f => f.Keyword != "type");

            // Every branch wanting the same thing is an error common to all, not a discriminator.
            var first = shapes[0].SelectMany(f => f.Allowed ?? []).ToHashSet(StringComparer.Ordinal);
            if (first.Count == types.Count + allowed.Count) continue;

            var field = Wording.Field(value);
            if (allowed.Count == 0)
            {
                return new Finding("type", value, Wording.TypeMismatch(value, types), combinator.SchemaPointer, field, false, types);
            }
            if (types.Count == 0)
            {
                return new Finding("enum", value, Wording.OneOf(value, allowed), combinator.SchemaPointer, field, false, allowed);
            }
            var typeNames = Wording.Alternatives([.. types.Select(Wording.TypeName)]);
            var message = $"{Wording.Name(value)} must be one of {Wording.List(allowed)}, or {typeNames}";
            return new Finding(combinator is OneOfKeyword ? "oneOf" : "anyOf", value, message, combinator.SchemaPointer, field);
        }
        return null;
    }

    private static List<string> Union(List<List<Finding>> shapes, Func<Finding, bool> which) =>
        [.. shapes.SelectMany(branch => branch.Where(which)).SelectMany(f => f.Allowed ?? []).Distinct(StringComparer.Ordinal)];

    private static int Likeliest(JsonDatum instance, List<Finding>[] failures)
    {
        var best = 0;
        var bestScore = (int.MaxValue, int.MaxValue, int.MaxValue);
        for (var i = 0; i < failures.Length; i++)
        {
            var onValue = 0;
            var onMembers = 0;
            foreach (var finding in failures[i])
            {
                if (!finding.IsShape) continue;
                if (finding.Instance == instance) onValue++;
                else if (finding.Instance.Parent == instance) onMembers++;
            }
            var score = (onValue, onMembers, failures[i].Count);
            if (score.CompareTo(bestScore) < 0)
            {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }
}
