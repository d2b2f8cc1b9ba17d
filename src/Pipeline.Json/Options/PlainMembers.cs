using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// The members of an option that one schema describes without composition (the usual case): its
/// own <c>properties</c>, each required when its <c>required</c> lists it (or Draft 3's
/// <c>required: true</c>). Members are made when asked for, one by one: resolving a template's
/// variables touches a few options of a large schema, not all of them.
/// </summary>
internal sealed class PlainMembers(OptionTree tree, OptionNode owner, JsonDatum properties, JsonDatum? required, bool own)
{
    private OptionNode?[]? _made;
    private OptionNode[]? _all;

    /// <summary>Every member, in schema order; cut short, and the tree marked truncated, when the visit budget runs out.</summary>
    public OptionNode[] All()
    {
        if (Volatile.Read(ref _all) is { } known) return known;
        var members = properties.MemberArray;
        var all = new List<OptionNode>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            // Each member made counts: many members referring back to their schema would otherwise
            // make options without end from few schema visits.
            if (!tree.Visit()) break;
            all.Add(At(i));
        }
        var made = all.ToArray();
        return Interlocked.CompareExchange(ref _all, made, null) ?? made;
    }

    /// <summary>Pushes, last first, the members whose schema may hold members of its own; counts each against the budget.</summary>
    public void PushContainers(Stack<OptionNode> pending)
    {
        var members = properties.MemberArray;
        for (var i = members.Length - 1; i >= 0; i--)
        {
            if (!SchemaKeywords.MayHoldMembers(SchemaReferences.Follow(members[i]))) continue;
            if (!tree.Visit()) return;
            pending.Push(At(i));
        }
    }

    public OptionNode? Find(string name)
    {
        var members = properties.MemberArray;
        for (var i = 0; i < members.Length; i++)
        {
            if (string.Equals(members[i].MemberName, name, StringComparison.Ordinal)) return At(i);
        }
        return null;
    }

    private OptionNode At(int index)
    {
        var made = Volatile.Read(ref _made) ?? Interlocked.CompareExchange(ref _made, new OptionNode?[properties.MemberArray.Length], null) ?? _made!;
        if (Volatile.Read(ref made[index]) is { } known) return known;
        var property = properties.MemberArray[index];
        var requirement = Lists(property.MemberName) || property["required"] is { Kind: JsonKind.Boolean, Boolean: true }
            ? Requirement.Required
            : Requirement.Optional;
        var node = new OptionNode(tree, owner, property.MemberName, requirement, own ? property : null,
            [new SchemaPart(SchemaReferences.Follow(property), true)]);
        return Interlocked.CompareExchange(ref made[index], node, null) ?? node;
    }

    private bool Lists(string name)
    {
        if (required is not { Kind: JsonKind.Array }) return false;
        foreach (var item in required.ItemArray)
        {
            if (item.Kind == JsonKind.String && item.String == name) return true;
        }
        return false;
    }
}
