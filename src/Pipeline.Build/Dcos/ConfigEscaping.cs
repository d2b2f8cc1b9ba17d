using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Pipeline.Build.Json;

namespace Pipeline.Build.Dcos;

/// <summary>
/// Universe's <c>json_escape_compatibility</c> for releases before 1.10, whose Cosmos unescaped
/// stringified JSON in options once too often: in <c>config.properties</c>, recursively through
/// nested <c>"type": "object"</c> properties, every <c>description</c> and every <c>default</c> of a
/// <c>"type": "string"</c> option gets a backslash before each double quote that does not already
/// follow one.
/// </summary>
internal static class ConfigEscaping
{
    public static void WriteConfig(CanonicalJsonWriter writer, JsonElement config, bool mayRepeatNames)
    {
        if (config.ValueKind != JsonValueKind.Object || !ObjectMembers.TryGet(config, "properties"u8, out _))
        {
            writer.Element(config, mayRepeatNames);
            return;
        }
        writer.StartObject();
        foreach (var member in ObjectMembers.Of(config, mayRepeatNames))
        {
            writer.PropertyName(member.Property);
            if (member.NameIs("properties"u8)) WriteProperties(writer, member.Value, mayRepeatNames);
            else writer.Element(member.Value, mayRepeatNames);
        }
        writer.EndObject();
    }

    /// <summary>
    /// Inserts a backslash before every <c>"</c> that follows a character other than <c>\</c>,
    /// scanning left to right without overlap as Python's <c>re.sub('([^\\])"', …)</c> does.
    /// </summary>
    public static string EscapeQuotes(string text)
    {
        StringBuilder? escaped = null;
        var copied = 0;
        var i = 0;
        while (i + 1 < text.Length)
        {
            if (text[i] != '\\' && text[i + 1] == '"')
            {
                escaped ??= new StringBuilder(text.Length + 16);
                escaped.Append(text, copied, i + 1 - copied).Append('\\').Append('"');
                i += 2;
                copied = i;
                continue;
            }
            i++;
        }
        if (escaped is null) return text;
        return escaped.Append(text, copied, text.Length - copied).ToString();
    }

    private static void WriteProperties(CanonicalJsonWriter writer, JsonElement properties, bool mayRepeatNames)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            writer.Element(properties, mayRepeatNames);
            return;
        }
        writer.StartObject();
        foreach (var member in ObjectMembers.Of(properties, mayRepeatNames))
        {
            writer.PropertyName(member.Property);
            if (member.Value.ValueKind == JsonValueKind.Object) WriteOption(writer, member.Value, mayRepeatNames);
            else writer.Element(member.Value, mayRepeatNames);
        }
        writer.EndObject();
    }

    private static void WriteOption(CanonicalJsonWriter writer, JsonElement option, bool mayRepeatNames)
    {
        ObjectMembers.TryGet(option, "type"u8, out var type);
        var isString = JsonElementText.StringEquals(type, "string"u8);
        var isObject = JsonElementText.StringEquals(type, "object"u8);
        writer.StartObject();
        foreach (var member in ObjectMembers.Of(option, mayRepeatNames))
        {
            writer.PropertyName(member.Property);
            var value = member.Value;
            if (value.ValueKind == JsonValueKind.String
                && (member.NameIs("description"u8) || (isString && member.NameIs("default"u8))))
            {
                WriteEscaped(writer, value);
            }
            else if (isObject && member.NameIs("properties"u8))
            {
                WriteProperties(writer, value, mayRepeatNames);
            }
            else
            {
                writer.Element(value, mayRepeatNames);
            }
        }
        writer.EndObject();
    }

    private static void WriteEscaped(CanonicalJsonWriter writer, JsonElement text)
    {
        // A string whose JSON text has no backslash holds no double quote: nothing to escape.
        if (JsonMarshal.GetRawUtf8Value(text).IndexOf((byte)'\\') < 0)
        {
            writer.Element(text, mayRepeatNames: false);
            return;
        }
        writer.String(EscapeQuotes(JsonElementText.Of(text)));
    }
}
