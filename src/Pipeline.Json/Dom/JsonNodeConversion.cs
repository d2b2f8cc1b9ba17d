using System.Globalization;
using System.Text.Json.Nodes;
using NodeValue = System.Text.Json.Nodes.JsonValue;

namespace Pipeline.Json.Dom;

internal static class JsonNodeConversion
{
    public static JsonNode? Convert(JsonDatum root)
    {
        var top = Shallow(root);
        if (top is null || root.Kind is not (JsonKind.Object or JsonKind.Array)) return top;

        // Containers are attached to their parent only once complete, while that parent is itself still
        // detached: JsonNode checks every attachment for cycles by walking up the new parent's ancestors,
        // which would make a deep document quadratic.
        var pending = new Stack<Frame>();
        pending.Push(new Frame(root, top, null));
        while (pending.Count > 0)
        {
            var frame = pending.Peek();
            var isObject = frame.Source.Kind == JsonKind.Object;
            var children = isObject ? frame.Source.MemberArray : frame.Source.ItemArray;
            var count = children.Length;
            if (frame.Next >= count)
            {
                pending.Pop();
                if (pending.Count > 0) Attach(pending.Peek().Target, frame.Name, frame.Target);
                continue;
            }

            var index = frame.Next++;
            var child = children[index];
            var name = isObject ? child.MemberName : null;
            var node = Shallow(child);
            if (node is not null && child.Kind is JsonKind.Object or JsonKind.Array) pending.Push(new Frame(child, node, name));
            else Attach(frame.Target, name, node);
        }
        return top;
    }

    private static void Attach(JsonNode container, string? name, JsonNode? node)
    {
        if (name is not null) container.AsObject()[name] = node;
        else container.AsArray().Add(node);
    }

    /// <summary>A scalar's node, or an empty container to be filled.</summary>
    private static JsonNode? Shallow(JsonDatum value) => value.Kind switch
    {
        JsonKind.Object => new JsonObject(),
        JsonKind.Array => new JsonArray(),
        JsonKind.String => NodeValue.Create(value.String),
        JsonKind.Number => Number(value.RawNumber),
        JsonKind.Boolean => NodeValue.Create(value.Boolean),
        _ => null,
    };

    // Keep integers integral and plain decimals as written ("1.50" stays "1.50"); exponents go through double.
    // Read from the UTF-8 token: no string per number.
    private static NodeValue Number(ReadOnlySpan<byte> text)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var whole)) return NodeValue.Create(whole);
            if (ulong.TryParse(text, NumberStyles.None, invariant, out var big)) return NodeValue.Create(big);
        }
        if (text.IndexOfAny((byte)'e', (byte)'E') < 0
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out var exact))
        {
            return NodeValue.Create(exact);
        }
        var number = double.Parse(text, NumberStyles.Float, invariant);
        // JsonNode cannot hold infinities; a number too big for a double is clamped to the largest one.
        return NodeValue.Create(double.IsFinite(number) ? number : Math.CopySign(double.MaxValue, number));
    }

    private sealed class Frame(JsonDatum source, JsonNode target, string? name)
    {
        public JsonDatum Source { get; } = source;

        public JsonNode Target { get; } = target;

        /// <summary>The member name in the parent object; null in an array or at the root.</summary>
        public string? Name { get; } = name;

        public int Next { get; set; }
    }
}
