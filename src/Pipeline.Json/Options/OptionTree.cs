using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// The options a config.json schema describes, read through composition: an option's schemas are
/// gathered from <c>properties</c> of its parent and of every <c>allOf</c>, <c>anyOf</c> and
/// <c>oneOf</c> branch and schema <c>dependencies</c> of it, after following local <c>$ref</c>s
/// (into <c>definitions</c> or any JSON pointer); whether it is required comes from the same
/// places (see <see cref="Requirement"/>). Every rule that reads the structure of an options schema
/// (defaults vs gates, required-without-property, undefined variables, placeholders, the site's
/// options table) reads it here, so they agree.
/// </summary>
/// <remarks>
/// Options are expanded when first asked for, so a rule pays only for what it reads, and a
/// self-referencing schema unfolds only as far as it is walked. A tree is read once per config.json
/// and shared by the rules. Bounded for hostile schemas: <see cref="MaxDepth"/> levels of options,
/// <see cref="MaxVisits"/> schemas and property declarations read in all (so at most about as many
/// options made by walks over everything); past a bound an option's shape is unknown and reads as
/// open (<see cref="OptionNode.IsOpen"/>), and <see cref="Truncated"/> tells walks to stop, so a
/// bound never causes a finding.
/// Safe to read from several threads: an option's expansion is published once.
/// </remarks>
public sealed class OptionTree
{
    /// <summary>Levels of nested options, as deep as the defaults walk goes (<c>DefaultsWalk.MaxDepth</c>).</summary>
    public const int MaxDepth = 64;

    /// <summary>Schemas and property declarations visited at most over the whole tree, as many as the defaults walk allows itself.</summary>
    public const int MaxVisits = 100_000;

    /// <summary>Nested <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>dependencies</c> levels read inside one option.</summary>
    internal const int MaxBranchDepth = 16;

    private int _visits;

    private OptionTree(JsonDatum schema)
    {
        Schema = schema;
        Root = OptionNode.CreateRoot(this, schema);
        IsPlain = !(schema.DocumentContains("\"allOf\""u8) || schema.DocumentContains("\"anyOf\""u8) || schema.DocumentContains("\"oneOf\""u8)
            || schema.DocumentContains("\"dependencies\""u8) || schema.DocumentContains("\"$ref\""u8) || schema.DocumentContains("\\u"u8));
    }

    /// <summary>
    /// Whether the document uses no composition at all (no <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>,
    /// <c>dependencies</c> or <c>$ref</c> anywhere in its bytes, nor an escape that could spell one):
    /// then an option's schema is the one under <c>properties</c> and it is required when its
    /// parent's <c>required</c> lists it, so a walk may read that directly instead of making options.
    /// Most config.json files are plain.
    /// </summary>
    internal bool IsPlain { get; }

    /// <summary>The config.json document the tree reads.</summary>
    public JsonDatum Schema { get; }

    /// <summary>The options object itself: its children are the top-level options.</summary>
    public OptionNode Root { get; }

    /// <summary>Whether <see cref="MaxVisits"/> was reached: some options read as open.</summary>
    public bool Truncated => Volatile.Read(ref _visits) > MaxVisits;

    public static OptionTree Read(JsonDatum configSchema)
    {
        ArgumentNullException.ThrowIfNull(configSchema);
        return new OptionTree(configSchema);
    }

    /// <summary>Counts one schema visit; false once the budget is spent.</summary>
    internal bool Visit() => Interlocked.Increment(ref _visits) <= MaxVisits;
}
