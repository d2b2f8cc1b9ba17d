using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// The names an <c>anyOf</c>/<c>oneOf</c> requires whichever branch applies: those every branch
/// requires, directly, through its <c>allOf</c>, or through a nested group of its own.
/// </summary>
internal static class RequiredInEveryBranch
{
    public static HashSet<string> Of(JsonDatum branches, OptionTree tree, int depth)
    {
        HashSet<string>? common = null;
        foreach (var branch in branches.ItemArray)
        {
            var names = DefinitelyRequired(branch, tree, depth + 1);
            if (common is null) common = names;
            else common.IntersectWith(names);
            if (common.Count == 0) break;
        }
        return common ?? [];
    }

    /// <summary>The names a schema requires whenever it applies.</summary>
    private static HashSet<string> DefinitelyRequired(JsonDatum schema, OptionTree tree, int depth)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var target = SchemaReferences.Follow(schema);
        if (target.Kind != JsonKind.Object || depth > OptionTree.MaxBranchDepth || !tree.Visit()) return names;
        var keywords = SchemaKeywords.Of(target);
        if (keywords.Required is { Kind: JsonKind.Array } required)
        {
            foreach (var name in required.ItemArray)
            {
                if (name.String is { } text) names.Add(text);
            }
        }
        if (keywords.Properties is { } properties)
        {
            foreach (var property in properties.MemberArray)
            {
                if (IsRequiredDraft3(property)) names.Add(property.MemberName);
            }
        }
        if (keywords.AllOf is { } all)
        {
            foreach (var branch in all.ItemArray) names.UnionWith(DefinitelyRequired(branch, tree, depth + 1));
        }
        if (keywords.AnyOf is { } any) names.UnionWith(Of(any, tree, depth));
        if (keywords.OneOf is { } one) names.UnionWith(Of(one, tree, depth));
        return names;
    }

    // Draft 3 marked a property required on the property itself.
    public static bool IsRequiredDraft3(JsonDatum property) =>
        SchemaReferences.Follow(property)["required"] is { Kind: JsonKind.Boolean, Boolean: true };
}
