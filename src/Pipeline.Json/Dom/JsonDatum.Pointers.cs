using System.Globalization;
using System.Text;

namespace Pipeline.Json.Dom;

public sealed partial class JsonDatum
{
    /// <summary>The RFC 6901 JSON Pointer of this value within its document ("" for the root).</summary>
    public string Pointer
    {
        get
        {
            if (Parent is null) return "";
            var segments = new List<string>();
            for (var value = this; value.Parent is not null; value = value.Parent)
            {
                segments.Add(value.Segment);
            }
            var pointer = new StringBuilder();
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                pointer.Append('/').Append(JsonPointer.Escape(segments[i]));
            }
            return pointer.ToString();
        }
    }

    /// <summary>
    /// The value at a JSON Pointer relative to this one, or null when there is none. The URI fragment
    /// form ("#/definitions/a%20b") is accepted too.
    /// </summary>
    public JsonDatum? Resolve(string pointer)
    {
        if (!JsonPointer.TryParse(pointer, out var segments)) return null;
        var current = this;
        foreach (var segment in segments)
        {
            JsonDatum? next = current.Kind switch
            {
                JsonKind.Object => current[segment],
                JsonKind.Array => JsonPointer.TryParseIndex(segment, current.Items.Count, out var index) ? current.Items[index] : null,
                _ => null,
            };
            if (next is null) return null;
            current = next;
        }
        return current;
    }

    /// <summary>The last segment of <see cref="Pointer"/> (unescaped); "" for the root.</summary>
    internal string Segment => Parent is null
        ? ""
        : Parent.Kind == JsonKind.Array ? _index.ToString(CultureInfo.InvariantCulture) : PropertyName ?? "";
}
