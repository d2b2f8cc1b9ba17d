namespace Pipeline.Json;

/// <summary>
/// Gathers the schemas that describe one option: its declarations, then, recursively, their
/// <c>allOf</c> branches (definite), <c>anyOf</c>/<c>oneOf</c> branches and schema
/// <c>dependencies</c> (conditional), each after following local <c>$ref</c>s. A schema reached
/// twice counts once, which also ends reference cycles; nesting and visits are bounded.
/// </summary>
internal sealed class SchemaParts(OptionTree tree)
{
    // Below this many parts a linear search finds repeats faster than a set.
    private const int Few = 8;

    private HashSet<JsonValue>? _seen;

    public List<SchemaPart> Parts { get; } = [];

    /// <summary>The <c>anyOf</c>/<c>oneOf</c> arrays of definite parts: a name required in every branch of one is required.</summary>
    public List<JsonValue>? Groups { get; private set; }

    /// <summary>Names listed by property dependencies (<c>"dependencies": {"a": ["b"]}</c>): required once another option is set.</summary>
    public List<JsonValue>? DependentNames { get; private set; }

    /// <summary>A <c>$ref</c> that does not lead to a schema here (remote, missing, a cycle): the shape is unknown.</summary>
    public bool Unresolved { get; private set; }

    /// <summary>A bound was reached: some schemas were not read.</summary>
    public bool Truncated { get; private set; }

    public void Add(JsonValue schema, bool definite, int depth)
    {
        var target = SchemaReferences.Follow(schema);
        if (target.Kind != JsonKind.Object) return;
        if (target["$ref"] is { Kind: JsonKind.String })
        {
            Unresolved = true;
            return;
        }
        if (depth > OptionTree.MaxBranchDepth || !tree.Visit())
        {
            Truncated = true;
            return;
        }
        if (!FirstTime(target)) return;
        Parts.Add(new SchemaPart(target, definite));

        var keywords = SchemaKeywords.Of(target);
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
                if (dependency.Kind == JsonKind.Array) (DependentNames ??= []).AddRange(dependency.ItemArray);
                else Add(dependency, false, depth + 1);
            }
        }
    }

    private void AddBranches(JsonValue? branches, bool definite, int depth)
    {
        if (branches is null) return;
        if (definite) (Groups ??= []).Add(branches);
        foreach (var branch in branches.ItemArray) Add(branch, false, depth + 1);
    }

    private bool FirstTime(JsonValue schema)
    {
        if (_seen is not null) return _seen.Add(schema);
        foreach (var part in Parts)
        {
            if (ReferenceEquals(part.Schema, schema)) return false;
        }
        if (Parts.Count >= Few) _seen = new HashSet<JsonValue>(Parts.Select(p => p.Schema), ReferenceEqualityComparer.Instance) { schema };
        return true;
    }
}
