namespace Pipeline.Json;

/// <summary>
/// Finds what a <c>$ref</c> points to inside the schema document: "#", JSON Pointer fragments
/// (with ~0/~1 and %-escapes), "#name" and URIs naming the document or a subschema by its
/// <c>id</c>. Anything else is remote, and remote documents are never fetched.
/// </summary>
internal sealed class RefResolver(JsonValue document)
{
    private readonly Uri? _base = AbsoluteId(document);
    private Dictionary<string, JsonValue>? _ids;

    public readonly record struct Resolution(JsonValue? Target, bool IsRemote);

    public Resolution Resolve(string reference)
    {
        var hash = reference.IndexOf('#');
        var location = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? "" : reference[hash..];

        var scope = location.Length == 0 ? document : Identified(location);
        if (scope is null) return new Resolution(null, IsRemote: true);
        if (fragment.Length <= 1) return new Resolution(scope, false);
        if (fragment[1] == '/') return new Resolution(scope.Resolve(fragment), false);
        return new Resolution(Ids().GetValueOrDefault(fragment) ?? Ids().GetValueOrDefault(Absolute(fragment) ?? ""), false);
    }

    private JsonValue? Identified(string location)
    {
        if (Ids().TryGetValue(location, out var value)) return value;
        if (Absolute(location) is not { } absolute) return null;
        if (_base is not null && absolute == WithoutFragment(_base)) return document;
        return Ids().GetValueOrDefault(absolute);
    }

    private string? Absolute(string reference) =>
        _base is not null && Uri.TryCreate(_base, reference, out var absolute) ? absolute.AbsoluteUri : null;

    /// <summary>Every subschema with a string <c>id</c> (or <c>$id</c>), by the id as written and as an absolute URI.</summary>
    private Dictionary<string, JsonValue> Ids()
    {
        if (_ids is not null) return _ids;
        var ids = new Dictionary<string, JsonValue>(StringComparer.Ordinal);
        var pending = new Stack<JsonValue>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            foreach (var child in value.Kind == JsonKind.Object ? value.MemberArray : value.ItemArray)
            {
                if (child.Kind is JsonKind.Object or JsonKind.Array) pending.Push(child);
            }
            if (value.Kind != JsonKind.Object || value == document) continue;
            if ((value["id"] ?? value["$id"]) is not { Kind: JsonKind.String, String: { Length: > 0 } id }) continue;
            ids.TryAdd(id, value);
            if (Absolute(id) is { } absolute) ids.TryAdd(absolute, value);
        }
        return _ids = ids;
    }

    private static Uri? AbsoluteId(JsonValue document) =>
        (document["id"] ?? document["$id"]) is { Kind: JsonKind.String, String: { } id }
        && Uri.TryCreate(id, UriKind.Absolute, out var uri)
        && id.Contains("://", StringComparison.Ordinal)
            ? uri
            : null;

    private static string WithoutFragment(Uri uri) => uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
}
