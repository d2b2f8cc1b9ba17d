namespace Pipeline.Json;

/// <summary>
/// JSON equality as JSON Schema defines it: numbers by value (1 equals 1.0), objects by their members
/// regardless of order, arrays item by item. Compared without recursion.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonValue left, JsonValue right)
    {
        var pending = new Stack<(JsonValue, JsonValue)>();
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
                    if (a.Items.Count != b.Items.Count) return false;
                    for (var i = 0; i < a.Items.Count; i++) pending.Push((a.Items[i], b.Items[i]));
                    break;
                case JsonKind.Object:
                    foreach (var member in a.Properties)
                    {
                        if (!b.TryGet(member.Name, out var other)) return false;
                        pending.Push((a[member.Name]!, other));
                    }
                    foreach (var member in b.Properties)
                    {
                        if (!a.TryGet(member.Name, out _)) return false;
                    }
                    break;
            }
        }
        return true;
    }

    /// <summary>A hash consistent with <see cref="Equal"/> that only looks at the top level.</summary>
    public static int ShallowHash(JsonValue value) => value.Kind switch
    {
        JsonKind.String => HashCode.Combine(value.Kind, value.String),
        JsonKind.Number => HashCode.Combine(value.Kind, value.Number == 0 ? 0 : value.Number),
        JsonKind.Boolean => HashCode.Combine(value.Kind, value.Boolean),
        JsonKind.Array => HashCode.Combine(value.Kind, value.Items.Count),
        _ => value.Kind.GetHashCode(),
    };
}
