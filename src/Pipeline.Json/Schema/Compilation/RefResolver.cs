using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// Finds what a <c>$ref</c> points to, as draft 4 says: the reference resolves against the resolution
/// scope where it sits (the document's <c>id</c>, changed by the <c>id</c> of every enclosing schema),
/// then names a document or a schema by its <c>id</c>, and its fragment a JSON Pointer ("#/a/b", with
/// ~0/~1 and %-escapes) or a location-independent id ("#name"). Documents other than the one loaded
/// come only from <see cref="SchemaOptions.RemoteDocuments"/>; without it a reference elsewhere is remote
/// and never fetched.
/// </summary>
/// <remarks>
/// The ids of a document are indexed only when a reference needs one, walking schema positions only;
/// the common "#/definitions/x" in a document without nested ids never pays for it.
/// </remarks>
internal sealed class RefResolver
{
    private readonly JsonDatum _document;
    private readonly Uri _base;
    private readonly ISchemaDocumentSource? _remote;

    // The base URI of every document in play, by its root.
    private readonly Dictionary<JsonDatum, Uri> _roots = new(ReferenceEqualityComparer.Instance);

    // Schemas by the absolute URI their id (or a document's location) gives them, with their document.
    private readonly Dictionary<string, (JsonDatum Schema, JsonDatum Document)> _known = new(StringComparer.Ordinal);

    // The resolution scope inside each schema on the paths ScopeOf has walked, worked out once.
    private readonly Dictionary<JsonDatum, Uri> _scopes = new(ReferenceEqualityComparer.Instance);
    private bool _indexed;

    public RefResolver(JsonDatum document, ISchemaDocumentSource? remote)
    {
        _document = document;
        _remote = remote;
        _base = RootBase(document, SchemaUri.Unnamed);
        _roots.Add(document, _base);
        _known[SchemaUri.Key(_base)] = (document, document);
    }

    /// <param name="Foreign">The target lies in a document from <see cref="SchemaOptions.RemoteDocuments"/>.</param>
    /// <param name="Within">The subschema (not a whole document) whose id the reference was resolved in, when it was.</param>
    public readonly record struct Resolution(JsonDatum? Target, bool IsRemote, bool Foreign, JsonDatum? Within = null);

    /// <summary>Resolves the <c>$ref</c> of <paramref name="schema"/>, whose text is <paramref name="reference"/>.</summary>
    public Resolution Resolve(JsonDatum schema, string reference)
    {
        var (location, fragment) = SchemaUri.Split(reference);
        if (SchemaUri.Resolve(ScopeOf(schema), location) is not { } uri) return new Resolution(null, IsRemote: true, false);
        var key = SchemaUri.Key(uri);
        if (Find(key) is not { } found) return new Resolution(null, IsRemote: true, false);
        var (resource, document) = found;

        JsonDatum? target = fragment.Length <= 1 ? resource
            : fragment[1] == '/' ? resource.Resolve(fragment)
            : Named(key + fragment);
        return new Resolution(target, false, target is not null && document != _document, resource == document ? null : resource);
    }

    private JsonDatum? Named(string key)
    {
        IndexLocal();
        return _known.TryGetValue(key, out var named) ? named.Schema : null;
    }

    private (JsonDatum Schema, JsonDatum Document)? Find(string key)
    {
        if (_known.TryGetValue(key, out var known)) return known;
        if (!_indexed)
        {
            IndexLocal();
            if (_known.TryGetValue(key, out known)) return known;
        }
        if (_remote is null || !Uri.TryCreate(key, UriKind.Absolute, out var location)) return null;
        if (_remote.Find(location) is not { } document) return null;
        if (_roots.ContainsKey(document)) return _known[key] = (document, document); // one document under another name
        var documentBase = RootBase(document, location);
        _roots.Add(document, documentBase);
        _known.TryAdd(key, (document, document));
        Index(document, documentBase);
        return _known[key];
    }

    private void IndexLocal()
    {
        if (_indexed) return;
        _indexed = true;
        Index(_document, _base);
    }

    /// <summary>Registers every schema of the document that has an id, going down schema positions only.</summary>
    private void Index(JsonDatum document, Uri documentBase)
    {
        _known.TryAdd(SchemaUri.Key(documentBase), (document, document));
        var pending = new Stack<(JsonDatum Value, SchemaPosition Position, Uri Scope)>();
        pending.Push((document, SchemaPosition.Schema, documentBase));
        while (pending.TryPop(out var entry))
        {
            var (value, position, scope) = entry;
            if (position == SchemaPosition.Schema)
            {
                if (value.Kind != JsonKind.Object || value.TryGet("$ref", out _)) continue;
                if (value != document && SchemaPositions.Id(value) is { } id)
                {
                    scope = ScopeIn(value, scope);
                    Register(id, scope, value, document);
                }
            }
            foreach (var child in value.Kind == JsonKind.Object ? value.MemberArray : value.ItemArray)
            {
                if (child.Kind is not (JsonKind.Object or JsonKind.Array)) continue;
                var childPosition = SchemaPositions.Of(position, child);
                if (childPosition != SchemaPosition.Data) pending.Push((child, childPosition, scope));
            }
        }
    }

    /// <summary>The scope inside <paramref name="schema"/>: its id resolved against the scope around it.</summary>
    private static Uri ScopeIn(JsonDatum schema, Uri outer) =>
        SchemaPositions.Id(schema) is { } id ? SchemaUri.Resolve(outer, SchemaUri.Split(id).Location) ?? outer : outer;

    /// <summary>Makes <paramref name="schema"/> known by its id: as a location, and as "#name" within its scope.</summary>
    private void Register(string id, Uri scope, JsonDatum schema, JsonDatum document)
    {
        var (location, fragment) = SchemaUri.Split(id);
        var key = SchemaUri.Key(scope);
        if (location.Length > 0) _known.TryAdd(key, (schema, document));
        if (fragment.Length > 1 && fragment[1] != '/') _known.TryAdd(key + fragment, (schema, document));
    }

    /// <summary>
    /// The scope a <c>$ref</c> in <paramref name="schema"/> resolves against: the base of its document,
    /// changed by the id of each schema on the way down to it (its own id is ignored beside a <c>$ref</c>).
    /// </summary>
    /// <remarks>
    /// Climbs only to the nearest ancestor worked out before and keeps the scope of each schema on the
    /// way down, so the references of a document cost one walk of the paths to them, however deep.
    /// </remarks>
    private Uri ScopeOf(JsonDatum schema)
    {
        var path = new List<JsonDatum>();
        var value = schema;
        Uri? scope;
        while (!_roots.TryGetValue(value, out scope) && (value == schema || !_scopes.TryGetValue(value, out scope)))
        {
            if (value.Parent is not { } parent) break;
            path.Add(value);
            value = parent;
        }
        scope ??= _base;
        var position = SchemaPosition.Schema;
        for (var i = path.Count - 1; i >= 1; i--)
        {
            position = SchemaPositions.Of(position, path[i]);
            if (position == SchemaPosition.Data) break;
            if (position != SchemaPosition.Schema) continue;
            scope = ScopeIn(path[i], scope);
            _scopes[path[i]] = scope;
        }
        return scope;
    }

    /// <summary>A document's base: its own id resolved against where it came from.</summary>
    private static Uri RootBase(JsonDatum document, Uri location) =>
        SchemaPositions.Id(document) is { } id && SchemaUri.Resolve(location, SchemaUri.Split(id).Location) is { IsAbsoluteUri: true } resolved
            ? resolved
            : location;
}
