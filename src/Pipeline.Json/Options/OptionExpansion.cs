namespace Pipeline.Json;

/// <summary>
/// What one option holds, read from all its schemas at once: its children in order of first
/// declaration (its own <c>properties</c> first), their requirement, its array items, the
/// <c>required</c> names that apply to it, and whether its shape is open.
/// </summary>
internal sealed class OptionExpansion
{
    // Up to this many children a linear search by name is as fast as a dictionary.
    private const int Few = 8;

    private readonly Dictionary<string, OptionNode>? _byName;

    private OptionExpansion(SchemaPart[] parts, OptionNode[] children, OptionNode? items, JsonValue[] requiredNames, bool hasProperties, bool isOpen)
    {
        Parts = parts;
        Children = children;
        Items = items;
        RequiredNames = requiredNames;
        HasProperties = hasProperties;
        IsOpen = isOpen;
        if (children.Length > Few)
        {
            _byName = new Dictionary<string, OptionNode>(children.Length, StringComparer.Ordinal);
            foreach (var child in children) _byName[child.Name] = child;
        }
    }

    /// <summary>The option's schemas and their composition, definite ones first in reading order.</summary>
    public SchemaPart[] Parts { get; }

    public OptionNode[] Children { get; }

    public OptionNode? Items { get; }

    /// <summary>The string items of every <c>required</c> array that applies to the option, conditionally or not.</summary>
    public JsonValue[] RequiredNames { get; }

    public bool HasProperties { get; }

    public bool IsOpen { get; }

    public OptionNode? Child(string name)
    {
        if (_byName is not null) return _byName.GetValueOrDefault(name);
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal)) return child;
        }
        return null;
    }

    /// <summary>Past the depth bound: nothing is known, so everything is accepted.</summary>
    public static OptionExpansion Unknown { get; } = new([], [], null, [], false, true);

    public static OptionExpansion Of(OptionNode node, OptionTree tree, IReadOnlyList<SchemaPart> declarations)
    {
        if (node.Depth >= OptionTree.MaxDepth) return Unknown;
        var gathered = new SchemaParts(tree);
        foreach (var declaration in declarations) gathered.Add(declaration.Schema, declaration.Definite, 0);
        var parts = gathered.Parts.Where(p => p.Definite).Concat(gathered.Parts.Where(p => !p.Definite)).ToArray();

        var children = new List<ChildDraft>();
        Dictionary<string, int>? index = null;
        Dictionary<string, Requirement>? requirements = null;
        List<JsonValue>? requiredNames = null;
        List<SchemaPart>? itemDeclarations = null;
        JsonValue? itemsDeclaration = null;
        bool hasProperties = false, patternProperties = false, additionalOpen = false, truncated = gathered.Truncated;
        JsonValue? type = null;

        foreach (var part in parts)
        {
            var keywords = SchemaKeywords.Of(part.Schema);
            var own = ReferenceEquals(part.Schema, node.Declaration);
            type ??= keywords.Type;
            patternProperties |= keywords.PatternProperties;
            additionalOpen |= keywords.AdditionalPropertiesOpen;
            if (keywords.Properties is { } properties)
            {
                hasProperties = true;
                foreach (var property in properties.MemberArray)
                {
                    // Each declaration counts: a schema whose many properties refer back to it would
                    // otherwise make options without end from few schema visits.
                    if (!tree.Visit())
                    {
                        truncated = true;
                        break;
                    }
                    var draft = Draft(children, ref index, property.MemberName);
                    var schema = SchemaReferences.Follow(property);
                    draft.Declarations.Add(new SchemaPart(schema, part.Definite));
                    // Cosmos reads defaults down `properties` of the option's own schema only, as
                    // written; of a repeated name, the last with a default is the one whose default is kept.
                    if (own && (draft.Declaration?["default"] is null || property["default"] is not null)) draft.Declaration = property;
                    if (RequiredInEveryBranch.IsRequiredDraft3(schema)) Raise(ref requirements, property.MemberName, part.Definite);
                }
            }
            if (keywords.Required is { Kind: JsonKind.Array } required)
            {
                foreach (var name in required.ItemArray)
                {
                    if (name.String is not { } text) continue;
                    (requiredNames ??= []).Add(name);
                    Raise(ref requirements, text, part.Definite);
                }
            }
            if (keywords.Items is { } items)
            {
                (itemDeclarations ??= []).Add(new SchemaPart(SchemaReferences.Follow(items), part.Definite));
                if (own) itemsDeclaration = items;
            }
        }
        foreach (var name in gathered.DependentNames ?? [])
        {
            if (name.String is { } text) Raise(ref requirements, text, definite: false);
        }
        foreach (var group in gathered.Groups ?? [])
        {
            foreach (var name in RequiredInEveryBranch.Of(group, tree, 0)) Raise(ref requirements, name, definite: true);
        }

        var made = new OptionNode[children.Count];
        for (var i = 0; i < made.Length; i++)
        {
            var draft = children[i];
            var requirement = requirements is not null && requirements.TryGetValue(draft.Name, out var found) ? found : Requirement.Optional;
            made[i] = new OptionNode(tree, node, draft.Name, requirement, draft.Declaration, draft.Declarations);
        }
        var itemNode = itemDeclarations is null ? null : new OptionNode(tree, node, OptionNode.ItemsName, Requirement.Optional, itemsDeclaration, itemDeclarations);
        var describesObject = type is null or { Kind: JsonKind.String, String: "object" };
        var isOpen = gathered.Unresolved || truncated || patternProperties || !hasProperties && (describesObject || additionalOpen);
        return new OptionExpansion(parts, made, itemNode, requiredNames?.ToArray() ?? [], hasProperties, isOpen);
    }

    private static ChildDraft Draft(List<ChildDraft> children, ref Dictionary<string, int>? index, string name)
    {
        if (index is null)
        {
            for (var i = 0; i < children.Count; i++)
            {
                if (string.Equals(children[i].Name, name, StringComparison.Ordinal)) return children[i];
            }
            if (children.Count >= Few)
            {
                index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < children.Count; i++) index[children[i].Name] = i;
            }
        }
        else if (index.TryGetValue(name, out var at))
        {
            return children[at];
        }
        var draft = new ChildDraft(name);
        index?.Add(name, children.Count);
        children.Add(draft);
        return draft;
    }

    private static void Raise(ref Dictionary<string, Requirement>? requirements, string name, bool definite)
    {
        requirements ??= new Dictionary<string, Requirement>(StringComparer.Ordinal);
        var level = definite ? Requirement.Required : Requirement.Conditional;
        if (!requirements.TryGetValue(name, out var known) || known < level) requirements[name] = level;
    }

    private sealed class ChildDraft(string name)
    {
        public string Name { get; } = name;

        public JsonValue? Declaration { get; set; }

        public List<SchemaPart> Declarations { get; } = [];
    }
}
