using Pipeline.Diagnostics;
using Pipeline.Json;
using Pipeline.Templates;

namespace Pipeline.Validation.Templates;

/// <summary>
/// Resolves each tag name of a template statically against the options schema (config.json)
/// and resource.json, the way the renderer's context stack would: a section over an object
/// option opens that option's properties, over an array its items. Names that resolve nowhere
/// are reported; where the schema leaves a shape open (no properties, $ref) anything is accepted.
/// </summary>
public static class VariableResolver
{
    public static void Report(MustacheTemplate template, RevisionDocuments documents, string path, List<Diagnostic> diagnostics)
    {
        var root = Scope.Root(documents.Config, documents.Resource);
        // A section's scope depends on the sections around it: (enclosing path id, name) → (path id, scope).
        var sectionScopes = new Dictionary<(int Parent, string Name), (int Id, Scope? Scope)>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Templates repeat the same names inside the same sections: each (section path, name) is
        // resolved once.
        var resolved = new HashSet<(int Parent, string Name)>();
        var stack = new List<Scope?>();
        foreach (var tag in template.Tags)
        {
            if (tag.Kind is not (TagKind.Variable or TagKind.Unescaped or TagKind.Section or TagKind.InvertedSection)) continue;
            // Scopes of the enclosing sections, innermost last.
            stack.Clear();
            stack.Add(root);
            var open = false;
            var sectionPath = 0;
            foreach (var section in tag.EnclosingSections)
            {
                if (!sectionScopes.TryGetValue((sectionPath, section), out var entry))
                {
                    entry = (sectionScopes.Count + 1, Resolve(section, stack, out _)?.Inner());
                    sectionScopes[(sectionPath, section)] = entry;
                }
                sectionPath = entry.Id;
                if (entry.Scope is null) open = true;
                stack.Add(entry.Scope);
            }
            if (open || tag.Name == "." || !resolved.Add((sectionPath, tag.Name))) continue;
            Resolve(tag.Name, stack, out var found);
            if (found || !reported.Add(tag.Name)) continue;
            diagnostics.Add(RuleCatalog.UndefinedVariable.At(path, tag.Position,
                $"`{{{{{tag.Name}}}}}` is not defined: {Explain(tag.Name, documents)}"));
        }
    }

    private static string Explain(string name, RevisionDocuments documents) =>
        name.StartsWith("resource.", StringComparison.Ordinal)
            ? "resource.json has no such value"
            : documents.Config is null ? "the revision has no config.json" : "config.json defines no such option";

    /// <summary>Resolves a dotted name from the innermost scope outwards; null result = open shape.</summary>
    private static Scope? Resolve(string name, List<Scope?> stack, out bool found)
    {
        // Most names have no dot: no array and no copies for them.
        var segments = name.Contains('.') ? name.Split('.') : [name];
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var scope = stack[i];
            if (scope is null)
            {
                found = true;
                return null;
            }
            if (!scope.TryGet(segments[0], out var current)) continue;
            for (var s = 1; s < segments.Length; s++)
            {
                if (current is null) break;
                if (!current.TryGet(segments[s], out current))
                {
                    found = false;
                    return null;
                }
            }
            found = true;
            return current;
        }
        found = false;
        return null;
    }

    /// <summary>
    /// What a name can open: a schema node (properties) or a resource value (members). A null
    /// scope means "shape unknown, accept everything below".
    /// </summary>
    private sealed class Scope
    {
        private readonly JsonValue? _schema;
        private readonly JsonValue? _value;
        private readonly JsonValue? _resource;
        private readonly bool _isRoot;
        private readonly bool _assetsOnly;
        private Scope? _resourceScope;
        private bool? _open;

        /// <summary>Whether this scope's schema leaves its shape open, worked out once.</summary>
        private bool Open => _open ??= _schema is not null && IsOpen(_schema);

        private Scope(JsonValue? schema, JsonValue? value, JsonValue? resource = null, bool isRoot = false, bool assetsOnly = false)
        {
            _schema = schema;
            _value = value;
            _resource = resource;
            _isRoot = isRoot;
            _assetsOnly = assetsOnly;
        }

        /// <summary>The template's top level: the options schema, plus resource.json under `resource`.</summary>
        public static Scope Root(JsonValue? config, JsonValue? resource) => new(config, null, resource, isRoot: true);

        // Names looked up here before: tags share prefixes ({{service.name}}, {{service.cpus}}).
        private Dictionary<string, (bool Found, Scope? Child)>? _children;

        public bool TryGet(string name, out Scope? child)
        {
            _children ??= new Dictionary<string, (bool, Scope?)>(StringComparer.Ordinal);
            if (_children.TryGetValue(name, out var known))
            {
                child = known.Child;
                return known.Found;
            }
            var found = Lookup(name, out child);
            _children[name] = (found, child);
            return found;
        }

        private bool Lookup(string name, out Scope? child)
        {
            child = null;
            if (_isRoot && name == "resource")
            {
                // Cosmos deep-merges {"resource": {"assets": …}} over the options, so both an
                // option named `resource` and resource.json's assets resolve here.
                // Built once per template: every {{resource.…}} tag starts here.
                // Only resource.json's `assets` is merged in, so the value scope sees nothing else.
                _resourceScope ??= new Scope(_schema?["properties"]?["resource"], _resource, assetsOnly: true);
                child = _resourceScope;
                return true;
            }
            if (_value is { Kind: JsonKind.Object } && (!_assetsOnly || name == "assets") && _value[name] is { } member)
            {
                child = new Scope(null, member);
                return true;
            }
            if (_schema is null) return false;
            if (Open) return true;
            if (FindProperty(_schema, name, 0) is not { } property) return false;
            child = new Scope(property, null);
            return true;
        }

        /// <summary>
        /// A property defined in <c>properties</c> or in the subschemas that may add properties
        /// conditionally: <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches and schema <c>dependencies</c>.
        /// </summary>
        private static JsonValue? FindProperty(JsonValue schema, string name, int depth)
        {
            if (schema["properties"]?[name] is { } direct) return direct;
            if (depth > 8) return null;
            foreach (var keyword in (ReadOnlySpan<string>)["allOf", "anyOf", "oneOf"])
            {
                if (schema[keyword] is not { Kind: JsonKind.Array } branches) continue;
                foreach (var branch in branches.Items)
                {
                    if (FindProperty(branch, name, depth + 1) is { } found) return found;
                }
            }
            if (schema["dependencies"] is { Kind: JsonKind.Object } dependencies)
            {
                foreach (var dependency in dependencies.Properties)
                {
                    if (dependency.Value.Kind == JsonKind.Object && FindProperty(dependency.Value, name, depth + 1) is { } found) return found;
                }
            }
            return null;
        }

        /// <summary>The scope a section over this name pushes: items for arrays, itself otherwise.</summary>
        public Scope? Inner()
        {
            if (_value is not null && _schema is null)
            {
                return _value.Kind switch
                {
                    JsonKind.Object => this,
                    JsonKind.Array => null, // items of a resource array: shape not tracked
                    _ => new Scope(null, _value),
                };
            }
            if (_schema is null) return null;
            if (_schema["items"] is { Kind: JsonKind.Object } items) return IsOpen(items) ? null : new Scope(items, null);
            if (Open) return null;
            return this;
        }

        private static bool IsOpen(JsonValue schema) =>
            schema["$ref"] is not null
            || schema["properties"] is null && (schema["type"] is null or { String: "object" })
            || schema["additionalProperties"] is { Kind: JsonKind.Object } or { Kind: JsonKind.Boolean, Boolean: true } && schema["properties"] is null
            || schema["patternProperties"] is not null;
    }
}
