namespace Pipeline.Json.Dom;

/// <summary>
/// JSON equality as JSON Schema defines it: numbers by value (1 equals 1.0), objects by their members
/// regardless of order, arrays item by item. Compared without recursion.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonDatum left, JsonDatum right)
    {
        if (left.Kind != right.Kind) return false;
        if (left.Kind is not (JsonKind.Object or JsonKind.Array)) return ScalarsEqual(left, right);

        var pending = new Stack<(JsonDatum, JsonDatum)>();
        pending.Push((left, right));
        while (pending.Count > 0)
        {
            var (a, b) = pending.Pop();
            if (ReferenceEquals(a, b)) continue;
            if (a.Kind != b.Kind) return false;
            switch (a.Kind)
            {
                case JsonKind.String:
                    if (!string.Equals(a.String, b.String, StringComparison.Ordinal)) return false;
                    break;
                case JsonKind.Number:
                    if (a.Number != b.Number) return false;
                    break;
                case JsonKind.Boolean:
                    if (a.Boolean != b.Boolean) return false;
                    break;
                case JsonKind.Array:
                    var itemsOfA = a.ItemArray;
                    var itemsOfB = b.ItemArray;
                    if (itemsOfA.Length != itemsOfB.Length) return false;
                    for (var i = 0; i < itemsOfA.Length; i++) pending.Push((itemsOfA[i], itemsOfB[i]));
                    break;
                case JsonKind.Object:
                    foreach (var member in a.MemberArray)
                    {
                        if (!b.TryGet(member.MemberName, out var other)) return false;
                        pending.Push((a[member.MemberName]!, other));
                    }
                    foreach (var member in b.MemberArray)
                    {
                        if (!a.TryGet(member.MemberName, out _)) return false;
                    }
                    break;
            }
        }
        return true;
    }

    private static bool ScalarsEqual(JsonDatum a, JsonDatum b) => a.Kind switch
    {
        JsonKind.String => string.Equals(a.String, b.String, StringComparison.Ordinal),
        JsonKind.Number => a.Number == b.Number,
        JsonKind.Boolean => a.Boolean == b.Boolean,
        _ => true,
    };

    /// <summary>A hash consistent with <see cref="Equal"/> that only looks at the top level.</summary>
    public static int ShallowHash(JsonDatum value) => value.Kind switch
    {
        JsonKind.String => HashCode.Combine(value.Kind, value.String),
        JsonKind.Number => HashCode.Combine(value.Kind, value.Number == 0 ? 0 : value.Number),
        JsonKind.Boolean => HashCode.Combine(value.Kind, value.Boolean),
        JsonKind.Array => HashCode.Combine(value.Kind, value.Items.Count),
        _ => value.Kind.GetHashCode(),
    };
}
