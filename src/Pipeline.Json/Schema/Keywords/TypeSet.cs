using System.Numerics;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// What a <c>type</c> keyword allows: one type name or several; "integer" accepts any number with an
/// integral value. Immutable, and shared between schemas for a single name, which nearly every
/// <c>type</c> is. The node holding it reports a mismatch, since the set knows no location.
/// </summary>
internal sealed class TypeSet
{
    public static readonly string[] Known = ["object", "array", "string", "number", "integer", "boolean", "null"];

    private const int Object = 1, Array = 2, String = 4, Number = 8, Integer = 16, Boolean = 32, Null = 64;

    private static readonly TypeSet[] Single = [.. Known.Select(name => new TypeSet([name], Flag(name)))];

    private readonly int _allowed;

    private TypeSet(string[] names, int allowed)
    {
        Names = names;
        _allowed = allowed;
    }

    /// <summary>The allowed type names, in the order written, each once.</summary>
    public string[] Names { get; }

    /// <summary>The bit of a known type name; 0 for anything else.</summary>
    public static int Flag(string? name) => name switch
    {
        "object" => Object,
        "array" => Array,
        "string" => String,
        "number" => Number,
        "integer" => Integer,
        "boolean" => Boolean,
        "null" => Null,
        _ => 0,
    };

    /// <summary>The set a <c>type</c> value names; unknown names are left out (the scan reported them), null when none is left.</summary>
    public static TypeSet? For(JsonDatum value)
    {
        if (value.Kind == JsonKind.String)
        {
            var flag = Flag(value.String);
            return flag == 0 ? null : Single[BitOperations.Log2((uint)flag)];
        }
        if (value.Kind != JsonKind.Array) return null;
        var allowed = 0;
        var names = new List<string>();
        foreach (var name in value.ItemArray)
        {
            var flag = name.Kind == JsonKind.String ? Flag(name.String) : 0;
            if (flag == 0 || (allowed & flag) != 0) continue;
            allowed |= flag;
            names.Add(name.String!);
        }
        return allowed == 0 ? null : new TypeSet([.. names], allowed);
    }

    public bool Allows(JsonDatum instance) => instance.Kind switch
    {
        JsonKind.Object => (_allowed & Object) != 0,
        JsonKind.Array => (_allowed & Array) != 0,
        JsonKind.String => (_allowed & String) != 0,
        JsonKind.Number => (_allowed & Number) != 0 || ((_allowed & Integer) != 0 && instance.IsInteger),
        JsonKind.Boolean => (_allowed & Boolean) != 0,
        _ => (_allowed & Null) != 0,
    };
}
