using Pipeline.Json.Defaults;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// Gathers the schemas that describe one option: its declarations, then, recursively, their
/// <c>allOf</c> branches (definite), <c>anyOf</c>/<c>oneOf</c> branches and schema
/// <c>dependencies</c> (conditional), each after following local <c>$ref</c>s. A schema reached
/// twice counts once, which also ends reference cycles; nesting and visits are bounded. Each
/// part's keywords are read once, here. One instance per thread is reused from option to option.
/// </summary>
internal sealed class SchemaParts
{
    // Below this many parts a linear search finds repeats faster than a set.
    private const int Few = 8;

    [ThreadStatic]
    private static SchemaParts? t_reused;

    private readonly HashSet<JsonDatum> _seen = new(ReferenceEqualityComparer.Instance);
    private OptionTree _tree = null!;
    private bool _seenInUse;

    public List<SchemaPart> Parts { get; } = [];

    /// <summary>The keywords of each part, at the same index.</summary>
    public List<SchemaKeywords> Keywords { get; } = [];

    /// <summary>The <c>anyOf</c>/<c>oneOf</c> arrays of definite parts: a name required in every branch of one is required.</summary>
    public List<JsonDatum> Groups { get; } = [];

    /// <summary>Names listed by property dependencies (<c>"dependencies": {"a": ["b"]}</c>): required once another option is set.</summary>
    public List<JsonDatum> DependentNames { get; } = [];

    /// <summary>A <c>$ref</c> that does not lead to a schema here (remote, missing, a cycle): the shape is unknown.</summary>
    public bool Unresolved { get; private set; }

    /// <summary>A bound was reached: some schemas were not read.</summary>
    public bool Truncated { get; private set; }

    /// <summary>This thread's instance, emptied, for one option of <paramref name="tree"/>.</summary>
    public static SchemaParts Start(OptionTree tree)
    {
        var parts = t_reused ??= new SchemaParts();
        parts._tree = tree;
        parts.Parts.Clear();
        parts.Keywords.Clear();
        parts.Groups.Clear();
        parts.DependentNames.Clear();
        if (parts._seenInUse) parts._seen.Clear();
        parts._seenInUse = false;
        parts.Unresolved = false;
        parts.Truncated = false;
        return parts;
    }

    public void Add(JsonDatum schema, bool definite, int depth)
    {
        var target = SchemaReferences.Follow(schema);
        if (target.Kind != JsonKind.Object) return;
        if (depth > OptionTree.MaxBranchDepth || !_tree.Visit())
        {
            Truncated = true;
            return;
        }
        var keywords = SchemaKeywords.Of(target);
        if (keywords.Reference is not null)
        {
            Unresolved = true;
            return;
        }
        if (!FirstTime(target)) return;
        Parts.Add(new SchemaPart(target, definite));
        Keywords.Add(keywords);

        if (keywords.AllOf is { } all)
        {
            foreach (var branch in all.ItemArray) Add(branch, definite, depth + 1);
        }
        AddBranches(keywords.AnyOf, definite, depth);
        AddBranches(keywords.OneOf, definite, depth);
        if (keywords.Dependencies is { } dependencies)
        {
            foreach (var dependency in dependencies.MemberArray)
            {
                if (dependency.Kind == JsonKind.Array) DependentNames.AddRange(dependency.ItemArray);
                else Add(dependency, false, depth + 1);
            }
        }
    }

    private void AddBranches(JsonDatum? branches, bool definite, int depth)
    {
        if (branches is null) return;
        if (definite) Groups.Add(branches);
        foreach (var branch in branches.ItemArray) Add(branch, false, depth + 1);
    }

    private bool FirstTime(JsonDatum schema)
    {
        if (_seenInUse) return _seen.Add(schema);
        foreach (var part in Parts)
        {
            if (ReferenceEquals(part.Schema, schema)) return false;
        }
        if (Parts.Count >= Few)
        {
            foreach (var part in Parts) _seen.Add(part.Schema);
            _seen.Add(schema);
            _seenInUse = true;
        }
        return true;
    }
}
