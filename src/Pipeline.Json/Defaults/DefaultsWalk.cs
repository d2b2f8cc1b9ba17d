using System.Text.Json.Nodes;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;

namespace Pipeline.Json.Defaults;

/// <summary>The walk behind <see cref="OptionDefaults"/>, down a config schema's <c>properties</c>.</summary>
/// <remarks>
/// Defaults are read as Cosmos reads them: down <c>properties</c> only, without following
/// <c>$ref</c> (see <see cref="OptionDefaults"/>). Placeholders follow the options'
/// <see cref="OptionNode"/>s walked alongside, so an option required through composition (an
/// <c>allOf</c> branch, every <c>oneOf</c> branch, a <c>$ref</c>'d definition) gets one too, even
/// when only a branch declares it. A schema that uses no composition (<see cref="OptionTree.IsPlain"/>)
/// is read directly instead: making its options would cost more than the walk itself.
/// </remarks>
/// <param name="plainPlaceholders">Give placeholders to the properties the own <c>required</c> lists (a plain schema).</param>
internal sealed class DefaultsWalk(bool plainPlaceholders = false)
{
    /// <summary>Deeper than any real config schema; keeps a hostile one from exhausting the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Property schemas visited at most: a schema whose properties $ref back to itself would
    /// otherwise unfold exponentially within <see cref="MaxDepth"/> (hostile config.json).
    /// </summary>
    public const int MaxVisits = 100_000;

    private int _visits;

    // An object's members are gathered first and become a JsonObject of the right size only when the
    // object is used: most object schemas contribute nothing. One list per depth, kept per thread.
    [ThreadStatic]
    private static MemberList?[]? t_members;

    private readonly MemberList?[] _members = t_members ??= new MemberList?[MaxDepth + 1];

    /// <summary>The value a property schema contributes, if any (a JSON null is a value).</summary>
    /// <param name="option">The option the schema declares when placeholders are wanted, else null.</param>
    public (bool Present, JsonNode? Value) ValueOf(JsonDatum schema, int depth, OptionNode? option)
    {
        if (depth > MaxDepth || ++_visits > MaxVisits || schema.Kind != JsonKind.Object) return (false, null);

        var hasDefaults = false;
        var nested = Describes(schema, "object") ? Gather(schema, depth, option, out hasDefaults) : null;
        if (schema.TryGet("default", out var explicitDefault))
        {
            var value = explicitDefault.ToJsonNode();
            if (value is JsonObject baseObject && nested is not null) FillMissing(baseObject, nested);
            nested?.Clear();
            return (true, value);
        }

        // Placeholders alone do not bring an optional object into being; defaults do.
        if (hasDefaults) return (true, nested!.ToObject());
        nested?.Clear();
        return (false, null);
    }

    /// <summary>The values of an object schema's properties (and placeholders for required ones when asked).</summary>
    /// <param name="schema">The option's own schema; null for an option only composition declares.</param>
    public JsonObject Members(JsonDatum? schema, int depth, OptionNode? option) => Gather(schema, depth, option, out _)?.ToObject() ?? [];

    /// <summary>The members of an object schema, in the list of its depth; null past the depth limit.</summary>
    private MemberList? Gather(JsonDatum? schema, int depth, OptionNode? option, out bool hasDefaults)
    {
        hasDefaults = false;
        if (depth > MaxDepth || ++_visits > MaxVisits) return null;
        var members = _members[depth] ??= new MemberList();
        members.Clear();
        var mayRepeat = false;
        if (schema?["properties"] is { Kind: JsonKind.Object } properties)
        {
            mayRepeat = properties.HasDuplicateNames;
            var required = plainPlaceholders ? schema["required"] : null;
            foreach (var property in properties.MemberArray)
            {
                var member = option?.Child(property.MemberName);
                var (present, value) = ValueOf(property, depth + 1, member);
                if (present)
                {
                    hasDefaults = true;
                    members.Set(property.MemberName, value, mayRepeat);
                }
                else if (member is { Requirement: Requirement.Required })
                {
                    members.Set(property.MemberName, Placeholders.For(member, this, depth + 1), mayRepeat);
                }
                else if (plainPlaceholders && (Lists(required, property.MemberName) || IsRequiredDraft3(property)))
                {
                    members.Set(property.MemberName, Placeholders.For(property, this, depth + 1), mayRepeat);
                }
            }
        }
        if (option is null) return members;
        // Required options that only composition declares: Cosmos gives them no default, the operator must.
        foreach (var member in option.Children)
        {
            if (member is { Declaration: null, Requirement: Requirement.Required }) members.Set(member.Name, Placeholders.For(member, this, depth + 1), mayRepeat);
        }
        return members;
    }

    /// <summary>Whether the schema says its value is of this type (or, untyped, has properties for "object").</summary>
    public static bool Describes(JsonDatum schema, string type)
    {
        switch (schema["type"])
        {
            case { Kind: JsonKind.String } one:
                return one.String == type;
            case { Kind: JsonKind.Array } several:
                foreach (var name in several.ItemArray)
                {
                    if (name.String == type) return true;
                }
                return false;
            case null:
                return type == "object" && schema["properties"] is { Kind: JsonKind.Object };
            default:
                return false;
        }
    }

    /// <summary>Whether a <c>required</c> array names the property.</summary>
    private static bool Lists(JsonDatum? required, string name)
    {
        if (required is not { Kind: JsonKind.Array }) return false;
        foreach (var item in required.ItemArray)
        {
            if (item.Kind == JsonKind.String && item.String == name) return true;
        }
        return false;
    }

    // Draft 3 marked a property required on the property itself.
    private static bool IsRequiredDraft3(JsonDatum schema) => schema["required"] is { Kind: JsonKind.Boolean, Boolean: true };

    /// <summary>Adds to <paramref name="target"/> every member it lacks, recursively; the members are taken, not copied.</summary>
    private static void FillMissing(JsonObject target, MemberList members)
    {
        foreach (var (key, value) in members.Entries)
        {
            if (!target.TryGetPropertyValue(key, out var existing)) target[key] = value;
            else if (existing is JsonObject existingObject && value is JsonObject valueObject) FillMissing(existingObject, valueObject);
        }
    }

    /// <summary>Adds to <paramref name="target"/> every key of <paramref name="defaults"/> it lacks, recursively.</summary>
    private static void FillMissing(JsonObject target, JsonObject defaults)
    {
        var pending = new Stack<(JsonObject Target, JsonObject Defaults)>();
        pending.Push((target, defaults));
        while (pending.Count > 0)
        {
            var (into, from) = pending.Pop();
            foreach (var (key, value) in from)
            {
                if (!into.TryGetPropertyValue(key, out var existing)) into[key] = value?.DeepClone();
                else if (existing is JsonObject existingObject && value is JsonObject valueObject) pending.Push((existingObject, valueObject));
            }
        }
    }
}
