using System.Text;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Options;

/// <summary>
/// One option of an <see cref="OptionTree"/> (or the options object itself, its root): the
/// schemas that describe it, whether it is required, and what it holds. Children and items are
/// read when first asked for.
/// </summary>
public sealed class OptionNode
{
    /// <summary>The <see cref="Name"/> of an array option's items.</summary>
    public const string ItemsName = "[]";

    private readonly OptionTree _tree;
    private readonly SchemaPart[] _declarations;
    private OptionExpansion? _expansion;
    private string? _path;

    internal OptionNode(OptionTree tree, OptionNode? parent, string name, Requirement requirement, JsonDatum? declaration, SchemaPart[] declarations)
    {
        _tree = tree;
        Parent = parent;
        Name = name;
        Depth = parent is null ? 0 : parent.Depth + 1;
        Requirement = requirement;
        Declaration = declaration;
        _declarations = declarations;
    }

    internal static OptionNode CreateRoot(OptionTree tree, JsonDatum schema)
    {
        return new OptionNode(tree, null, "", Requirement.Required, schema, [new SchemaPart(schema, true)]);
    }

    /// <summary>The property name; "" for the root, <see cref="ItemsName"/> for array items.</summary>
    public string Name { get; }

    public OptionNode? Parent { get; }

    /// <summary>0 for the root, 1 for a top-level option.</summary>
    public int Depth { get; }

    public Requirement Requirement { get; }

    /// <summary>
    /// The schema Cosmos reads for this option when it builds the default options: the one under
    /// <c>properties</c> (or <c>items</c>) of the parent's own schema, as written (Cosmos follows no
    /// <c>$ref</c>). Null for an option only composition declares (an <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>
    /// branch, a <c>$ref</c>'d definition).
    /// </summary>
    public JsonDatum? Declaration { get; }

    /// <summary>The <c>default</c> Cosmos applies (from <see cref="Declaration"/>); defaults in branches are not applied.</summary>
    public JsonDatum? Default => Declaration?["default"];

    /// <summary>Whether only conditional schemas declare the option (it exists in some branches only).</summary>
    public bool IsConditional
    {
        get
        {
            foreach (var declaration in _declarations)
            {
                if (declaration.Definite) return false;
            }
            return _declarations.Length > 0;
        }
    }

    public bool IsItems => Name == ItemsName && Parent is not null;

    /// <summary>The options this one holds, in order of first declaration (its own <c>properties</c> first).</summary>
    public IReadOnlyList<OptionNode> Children => Expansion.Children;

    /// <summary>The schema of the items when the option is an array.</summary>
    public OptionNode? Items => Expansion.Items;

    /// <summary>
    /// Whether the option accepts names the schema does not list: no properties declared for an
    /// object, <c>patternProperties</c>, an unresolved <c>$ref</c>, or a bound reached.
    /// </summary>
    public bool IsOpen => Expansion.IsOpen;

    /// <summary>Whether some schema of the option declares <c>properties</c>.</summary>
    public bool HasProperties => Expansion.HasProperties;

    /// <summary>The string items of every <c>required</c> array that applies to this option's members.</summary>
    public IReadOnlyList<JsonDatum> RequiredNames => Expansion.RequiredNames;

    /// <summary>
    /// The schemas that describe the option, with their composition: the definite ones (its own
    /// schema, <c>allOf</c>), or, for an option that only branches declare, the branches'.
    /// </summary>
    public IEnumerable<JsonDatum> Schemas
    {
        get
        {
            var expansion = Expansion;
            var definiteOnly = expansion.HasDefiniteParts;
            foreach (var part in expansion.Parts)
            {
                if (definiteOnly && !part.Definite) yield break;
                yield return part.Schema;
            }
        }
    }

    /// <summary>
    /// A keyword of the option (<c>type</c>, <c>enum</c>, <c>minimum</c>, <c>description</c>…): from its
    /// <see cref="Declaration"/> as written (a description beside a <c>$ref</c> is the author's), else
    /// from the first of <see cref="Schemas"/> that has it. Branch schemas are read only when nothing
    /// else declares the option: a branch's <c>enum</c> says what the value is in that branch, not in general.
    /// </summary>
    public JsonDatum? Keyword(string name)
    {
        if (Declaration is not null && Declaration.TryGet(name, out var written)) return written;
        var expansion = Expansion;
        var definiteOnly = expansion.HasDefiniteParts;
        foreach (var part in expansion.Parts)
        {
            if (definiteOnly && !part.Definite) break;
            if (part.Schema.TryGet(name, out var value)) return value;
        }
        return null;
    }

    /// <summary>
    /// Pushes onto <paramref name="pending"/>, last first, the children that may declare or require
    /// members of their own, without making the others: a walk over every option that holds
    /// options (checking <c>required</c> lists) need not read the leaves.
    /// </summary>
    public void PushContainers(Stack<OptionNode> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        Expansion.PushContainers(pending);
    }

    /// <summary>Whether one of the option's schemas has <c>properties</c>, <c>required</c> or composition.</summary>
    internal bool MayHoldMembers
    {
        get
        {
            foreach (var declaration in _declarations)
            {
                if (SchemaKeywords.MayHoldMembers(declaration.Schema)) return true;
            }
            return false;
        }
    }

    /// <summary>The member called <paramref name="name"/>, or null.</summary>
    public OptionNode? Child(string name) => Expansion.Child(name);

    /// <summary>The dotted path (<c>service.name</c>; array items as <c>volumes[].size</c>); "" for the root.</summary>
    public string Path => _path ??= MakePath();

    private OptionExpansion Expansion
    {
        get
        {
            if (_expansion is { } known) return known;
            var made = OptionExpansion.Of(this, _tree, _declarations);
            return Interlocked.CompareExchange(ref _expansion, made, null) ?? made;
        }
    }

    private string MakePath()
    {
        if (Parent is null) return "";
        var names = new Stack<string>();
        for (var node = this; node.Parent is not null; node = node.Parent) names.Push(node.Name);
        var path = new StringBuilder();
        foreach (var name in names)
        {
            if (path.Length > 0 && name != ItemsName) path.Append('.');
            path.Append(name);
        }
        return path.ToString();
    }

    public override string ToString() => Path;
}
