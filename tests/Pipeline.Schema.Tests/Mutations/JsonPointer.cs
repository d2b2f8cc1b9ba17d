using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Pipeline.Schema.Tests.Mutations;

/// <summary>Just enough RFC 6901 to address nodes of a parsed document.</summary>
internal static class JsonPointer
{
    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>The node at the pointer, or null when there is none.</summary>
    public static JToken? Find(JToken document, string pointer)
    {
        JToken? token = document;
        foreach (var segment in pointer.Split('/').Skip(1).Select(Unescape))
        {
            token = token switch
            {
                JObject obj => obj[segment],
                JArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (token is null) return null;
        }
        return token;
    }
}
