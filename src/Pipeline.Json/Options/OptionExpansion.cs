using System.Runtime.InteropServices;
using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// What one option holds, read from all its schemas at once: its children in order of first
/// declaration (its own <c>properties</c> first), their requirement, its array items, the
/// <c>required</c> names that apply to it, and whether its shape is open.
/// </summary>
internal sealed class OptionExpansion
{
    // Up to this many children a linear search by name is as fast as a dictionary.
    private const int Few = 8;

    // For many children: their indexes sorted by name, searched by halves (a dictionary per option
    // would cost more than the options themselves).
    private readonly int[]? _byName;

    private readonly OptionNode[] _children;
    private readonly PlainMembers? _plain;

    private OptionExpansion(SchemaPart[] parts, OptionNode[] children, OptionNode? items, JsonDatum[] requiredNames, bool hasProperties, bool isOpen, PlainMembers? plain = null)
    {
        Parts = parts;
        _children = children;
        _plain = plain;
        Items = items;
        RequiredNames = requiredNames;
        HasProperties = hasProperties;
        IsOpen = isOpen;
        if (children.Length > Few)
        {
            _byName = new int[children.Length];
            for (var i = 0; i < _byName.Length; i++) _byName[i] = i;
            Array.Sort(_byName, (a, b) => string.CompareOrdinal(children[a].Name, children[b].Name));
        }
    }

    /// <summary>The option's schemas and their composition, definite ones first in reading order.</summary>
    public SchemaPart[] Parts { get; }

    public OptionNode[] Children => _plain?.All() ?? _children;

    public OptionNode? Items { get; }

    /// <summary>The string items of every <c>required</c> array that applies to the option, conditionally or not.</summary>
    public JsonDatum[] RequiredNames { get; }

    public bool HasProperties { get; }

    public bool IsOpen { get; }

    /// <summary>Whether the first part is definite: then only definite parts describe the option.</summary>
    public bool HasDefiniteParts => Parts.Length > 0 && Parts[0].Definite;

    /// <summary>Pushes, last first, the children that may hold members of their own (leaves have nothing more to read).</summary>
    public void PushContainers(Stack<OptionNode> pending)
    {
        if (_plain is not null)
        {
            _plain.PushContainers(pending);
            return;
        }
        for (var i = _children.Length - 1; i >= 0; i--)
        {
            if (_children[i].MayHoldMembers) pending.Push(_children[i]);
        }
    }

    public OptionNode? Child(string name)
    {
        if (_plain is not null) return _plain.Find(name);
        if (_byName is not null)
        {
            int low = 0, high = _byName.Length - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) >> 1);
                var child = _children[_byName[middle]];
                var order = string.CompareOrdinal(child.Name, name);
                if (order == 0) return child;
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            return null;
        }
        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal)) return child;
        }
        return null;
    }

    /// <summary>Past the depth bound: nothing is known, so everything is accepted.</summary>
    public static OptionExpansion Unknown { get; } = new([], [], null, [], false, true);

    public static OptionExpansion Of(OptionNode node, OptionTree tree, SchemaPart[] declarations)
    {
        if (node.Depth >= OptionTree.MaxDepth) return Unknown;
        var gathered = SchemaParts.Start(tree);
        foreach (var declaration in declarations) gathered.Add(declaration.Schema, declaration.Definite, 0);
        if (Plain(node, tree, gathered, declarations) is { } plain) return plain;
        var scratch = Scratch.Start();
        var truncated = gathered.Truncated;
        bool hasProperties = false, patternProperties = false, additionalOpen = false;
        JsonDatum? type = null;

        // Definite parts first, then conditional ones, each in reading order. Most options are
        // described by their declarations alone: then those are the parts.
        var reused = SameParts(gathered.Parts, declarations);
        var parts = reused ? declarations : new SchemaPart[gathered.Parts.Count];
        var at = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < gathered.Parts.Count; i++)
            {
                var part = gathered.Parts[i];
                if (part.Definite != (pass == 0)) continue;
                if (!reused) parts[at++] = part;
                var keywords = gathered.Keywords[i];
                var own = ReferenceEquals(part.Schema, node.Declaration);
                type ??= keywords.Type;
                patternProperties |= keywords.PatternProperties;
                additionalOpen |= keywords.AdditionalPropertiesOpen;
                if (keywords.Properties is { } properties)
                {
                    hasProperties = true;
                    // Each declaration counts: a schema whose many properties refer back to it would
                    // otherwise make options without end from few schema visits.
                    if (!AddProperties(properties, part.Definite, own, tree, scratch)) truncated = true;
                }
                if (keywords.Required is { Kind: JsonKind.Array } required)
                {
                    foreach (var name in required.ItemArray)
                    {
                        if (name.String is not { } text) continue;
                        scratch.RequiredNames.Add(name);
                        scratch.Raise(text, part.Definite);
                    }
                }
                if (keywords.Items is { } items)
                {
                    scratch.Items.Add(new SchemaPart(items, part.Definite));
                    if (own) scratch.ItemsDeclaration = items;
                }
            }
        }
        foreach (var name in gathered.DependentNames)
        {
            if (name.String is { } text) scratch.Raise(text, definite: false);
        }
        foreach (var group in gathered.Groups)
        {
            foreach (var name in RequiredInEveryBranch.Of(group, tree, 0)) scratch.Raise(name, definite: true);
        }

        var drafts = CollectionsMarshal.AsSpan(scratch.Children);
        var made = drafts.Length == 0 ? [] : new OptionNode[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
        {
            ref var draft = ref drafts[i];
            SchemaPart[] childDeclarations = draft.More is null ? [draft.First] : [draft.First, .. draft.More];
            made[i] = new OptionNode(tree, node, draft.Name, scratch.RequirementOf(draft.Name), draft.Declaration, childDeclarations);
        }
        var itemNode = scratch.Items.Count == 0 ? null : new OptionNode(tree, node, OptionNode.ItemsName, Requirement.Optional, scratch.ItemsDeclaration, [.. scratch.Items]);
        // "object" alone or in a list of types (["object", "null"]): either way the option may hold members.
        var describesObject = type is null or { Kind: JsonKind.String, String: "object" }
            || type is { Kind: JsonKind.Array } types && types.ItemArray.Any(t => t.Kind == JsonKind.String && t.String == "object");
        var isOpen = gathered.Unresolved || truncated || patternProperties || !hasProperties && (describesObject || additionalOpen);
        var requiredNames = scratch.RequiredNames.Count == 0 ? [] : scratch.RequiredNames.ToArray();
        return new OptionExpansion(parts, made, itemNode, requiredNames, hasProperties, isOpen);
    }

    /// <summary>An option one schema describes without composition, with its members made as asked for; else null.</summary>
    private static OptionExpansion? Plain(OptionNode node, OptionTree tree, SchemaParts gathered, SchemaPart[] declarations)
    {
        if (gathered.Parts.Count != 1 || gathered.Groups.Count > 0 || gathered.DependentNames.Count > 0 || gathered.Truncated) return null;
        var part = gathered.Parts[0];
        var keywords = gathered.Keywords[0];
        if (!part.Definite || keywords.Properties is not { HasDuplicateNames: false } properties) return null;
        var own = ReferenceEquals(part.Schema, node.Declaration);
        JsonDatum[] requiredNames = [];
        if (keywords.Required is { Kind: JsonKind.Array } required)
        {
            requiredNames = [.. required.ItemArray.Where(name => name.Kind == JsonKind.String)];
        }
        var items = keywords.Items is { } schema
            ? new OptionNode(tree, node, OptionNode.ItemsName, Requirement.Optional, own ? schema : null, [new SchemaPart(schema, true)])
            : null;
        var parts = SameParts(gathered.Parts, declarations) ? declarations : [part];
        var isOpen = gathered.Unresolved || keywords.PatternProperties;
        return new OptionExpansion(parts, [], items, requiredNames, hasProperties: true, isOpen,
            new PlainMembers(tree, node, properties, keywords.Required, own));
    }

    private static bool SameParts(List<SchemaPart> parts, SchemaPart[] declarations)
    {
        if (parts.Count != declarations.Length) return false;
        for (var i = 0; i < declarations.Length; i++)
        {
            if (!parts[i].Definite || !ReferenceEquals(parts[i].Schema, declarations[i].Schema)) return false;
        }
        return true;
    }

    /// <returns>False when the visit budget ran out before the last property.</returns>
    private static bool AddProperties(JsonDatum properties, bool definite, bool own, OptionTree tree, Scratch scratch)
    {
        foreach (var property in properties.MemberArray)
        {
            if (!tree.Visit()) return false;
            var schema = SchemaReferences.Follow(property);
            ref var draft = ref scratch.Draft(property.MemberName, out var isNew);
            var part = new SchemaPart(schema, definite);
            if (isNew) draft.First = part;
            else (draft.More ??= []).Add(part);
            // Cosmos reads defaults down `properties` of the option's own schema only, as written;
            // of a repeated name, the last with a default is the one whose default is kept.
            if (own && (draft.Declaration?["default"] is null || property["default"] is not null)) draft.Declaration = property;
            // Draft 3 marked a property required on the property itself.
            if (property["required"] is { Kind: JsonKind.Boolean, Boolean: true }) scratch.Raise(property.MemberName, definite);
        }
        return true;
    }

    private struct ChildDraft
    {
        public string Name;
        public JsonDatum? Declaration;
        public SchemaPart First;
        public List<SchemaPart>? More;
    }

    /// <summary>The working lists of one expansion, reused on each thread: most options have a few members.</summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? t_reused;

        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Requirement> _requirements = new(StringComparer.Ordinal);

        public List<ChildDraft> Children { get; } = [];

        public List<JsonDatum> RequiredNames { get; } = [];

        public List<SchemaPart> Items { get; } = [];

        public JsonDatum? ItemsDeclaration { get; set; }

        public static Scratch Start()
        {
            var scratch = t_reused ??= new Scratch();
            scratch.Children.Clear();
            scratch.RequiredNames.Clear();
            scratch.Items.Clear();
            scratch.ItemsDeclaration = null;
            if (scratch._index.Count > 0) scratch._index.Clear();
            if (scratch._requirements.Count > 0) scratch._requirements.Clear();
            return scratch;
        }

        public ref ChildDraft Draft(string name, out bool isNew)
        {
            var drafts = CollectionsMarshal.AsSpan(Children);
            if (_index.Count == 0)
            {
                for (var i = 0; i < drafts.Length; i++)
                {
                    if (string.Equals(drafts[i].Name, name, StringComparison.Ordinal))
                    {
                        isNew = false;
                        return ref drafts[i];
                    }
                }
                if (drafts.Length >= Few)
                {
                    for (var i = 0; i < drafts.Length; i++) _index[drafts[i].Name] = i;
                }
            }
            else if (_index.TryGetValue(name, out var at))
            {
                isNew = false;
                return ref drafts[at];
            }
            if (_index.Count > 0) _index.Add(name, Children.Count);
            Children.Add(new ChildDraft { Name = name });
            isNew = true;
            return ref CollectionsMarshal.AsSpan(Children)[^1];
        }

        public void Raise(string name, bool definite)
        {
            var level = definite ? Requirement.Required : Requirement.Conditional;
            if (!_requirements.TryGetValue(name, out var known) || known < level) _requirements[name] = level;
        }

        public Requirement RequirementOf(string name) =>
            _requirements.Count > 0 && _requirements.TryGetValue(name, out var found) ? found : Requirement.Optional;
    }
}
