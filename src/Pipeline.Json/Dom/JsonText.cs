using System.Text;
using Pipeline.Json.Text;

namespace Pipeline.Json.Dom;

/// <summary>Compact JSON text of a value for messages, cut short past a length; built without recursion.</summary>
internal static class JsonText
{
    public static string Compact(JsonDatum value, int maxChars = 60)
    {
        var text = new StringBuilder();
        var pending = new Stack<(JsonDatum Container, int Next)>();
        Append(text, value, pending, maxChars);
        while (pending.Count > 0 && text.Length <= maxChars)
        {
            var (container, next) = pending.Pop();
            var isObject = container.Kind == JsonKind.Object;
            var children = isObject ? container.MemberArray : container.ItemArray;
            var count = children.Length;
            if (next >= count)
            {
                text.Append(isObject ? '}' : ']');
                continue;
            }
            pending.Push((container, next + 1));
            if (next > 0) text.Append(',');
            if (isObject)
            {
                AppendString(text, children[next].MemberName);
                text.Append(':');
            }
            Append(text, children[next], pending, maxChars);
        }
        return text.Length > maxChars || pending.Count > 0 ? string.Concat(text.ToString(0, Math.Min(text.Length, maxChars)), "…") : text.ToString();
    }

    private static void Append(StringBuilder text, JsonDatum value, Stack<(JsonDatum, int)> pending, int maxChars)
    {
        switch (value.Kind)
        {
            case JsonKind.Object:
                text.Append('{');
                pending.Push((value, 0));
                break;
            case JsonKind.Array:
                text.Append('[');
                pending.Push((value, 0));
                break;
            case JsonKind.String:
                var s = value.String ?? "";
                AppendString(text, s.Length > maxChars ? s[..maxChars] : s);
                break;
            case JsonKind.Number:
                text.Append(value.NumberText);
                break;
            case JsonKind.Boolean:
                text.Append(value.Boolean ? "true" : "false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>
    /// A string as messages quote it: only what JSON requires is escaped. U+0008 and U+000C are
    /// written as <c>\u0008</c> and <c>\u000c</c>, as messages always wrote them: a baseline keys
    /// accepted findings by their message, so its text cannot change.
    /// </summary>
    private static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        Span<char> escape = stackalloc char[JsonEscapes.MaxEscapeLength];
        foreach (var c in value)
        {
            if (!JsonEscapes.IsRequired(c)) text.Append(c);
            else if (c is '\b' or '\f') text.Append(escape[..JsonEscapes.EscapeAsUnicode(c, escape)]);
            else text.Append(escape[..JsonEscapes.Escape(c, escape)]);
        }
        text.Append('"');
    }
}
