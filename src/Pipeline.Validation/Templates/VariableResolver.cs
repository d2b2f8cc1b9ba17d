using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Options;
using Pipeline.Json;
using Pipeline.Templates;
using Pipeline.Packages.Documents;

namespace Pipeline.Validation.Templates;

/// <summary>
/// Resolves each tag name of a template statically against the options schema (config.json)
/// and resource.json, the way the renderer's context stack would: a section over an object
/// option opens that option's properties, over an array its items. Names that resolve nowhere
/// are reported; where the schema leaves a shape open (no properties, an unresolved $ref) anything
/// is accepted. Options are read through composition (<see cref="OptionTree"/>): a property an
/// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branch, schema <c>dependencies</c> or a <c>$ref</c>'d
/// definition declares is defined.
/// </summary>
public static class VariableResolver
{
    public static void Report(MustacheTemplate template, RevisionDocuments documents, string path, List<Diagnostic> diagnostics)
    {
        // A section's scope depends on the sections around it: (enclosing path id, name) → (path id, scope).
        var sectionScopes = new Dictionary<(int Parent, string Name), (int Id, Scope? Scope)>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        // Templates repeat the same names inside the same sections: each (section path, name) is
        // resolved once.
        var resolved = new HashSet<(int Parent, string Name)>();
        // The open sections, kept in step with the tags as they come (tags are in document order,
        // so a tag's enclosing sections are the latest section tags at each level above it): each
        // tag costs a truncation and at most one push, never a walk of its enclosing sections.
        // Index 0 is the template's top level.
        var scopes = new List<Scope?> { Scope.Root(documents.Options?.Root, documents.Resource?.Root) };
        var pathIds = new List<int> { 0 };
        var firstOpen = int.MaxValue; // the outermost level whose shape is open (a null scope)
        foreach (var tag in template.Tags)
        {
            if (tag.Kind is not (TagKind.Variable or TagKind.Unescaped or TagKind.Section or TagKind.InvertedSection)) continue;
            var depth = tag.EnclosingSections.Count;
            if (depth >= scopes.Count) continue; // cannot happen for a parsed template
            scopes.RemoveRange(depth + 1, scopes.Count - depth - 1);
            pathIds.RemoveRange(depth + 1, pathIds.Count - depth - 1);
            if (firstOpen > depth) firstOpen = int.MaxValue;
            var sectionPath = pathIds[depth];
            if (firstOpen == int.MaxValue && tag.Name != "." && resolved.Add((sectionPath, tag.Name)))
            {
                Resolve(tag.Name, scopes, out var found);
                if (!found && reported.Add(tag.Name))
                {
                    diagnostics.Add(RuleCatalog.UndefinedVariable.At(path, tag.Position,
                        $"`{{{{{tag.Name}}}}}` is not defined: {Explain(tag.Name, documents)}"));
                }
            }
            if (tag.Kind is not (TagKind.Section or TagKind.InvertedSection)) continue;
            if (!sectionScopes.TryGetValue((sectionPath, tag.Name), out var entry))
            {
                entry = (sectionScopes.Count + 1, Resolve(tag.Name, scopes, out _)?.Inner());
                sectionScopes[(sectionPath, tag.Name)] = entry;
            }
            scopes.Add(entry.Scope);
            pathIds.Add(entry.Id);
            if (entry.Scope is null && firstOpen == int.MaxValue) firstOpen = depth + 1;
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
    /// What a name can open: an option (its members) or a resource value (members). A null
    /// scope means "shape unknown, accept everything below".
    /// </summary>
    private sealed class Scope
    {
        private readonly OptionNode? _option;
        private readonly JsonDatum? _value;
        private readonly JsonDatum? _resource;
        private readonly bool _isRoot;
        private readonly bool _assetsOnly;
        private Scope? _resourceScope;

        private Scope(OptionNode? option, JsonDatum? value, JsonDatum? resource = null, bool isRoot = false, bool assetsOnly = false)
        {
            _option = option;
            _value = value;
            _resource = resource;
            _isRoot = isRoot;
            _assetsOnly = assetsOnly;
        }

        /// <summary>The template's top level: the options, plus resource.json under `resource`.</summary>
        public static Scope Root(OptionNode? options, JsonDatum? resource) => new(options, null, resource, isRoot: true);

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
                _resourceScope ??= new Scope(_option?.Child("resource"), _resource, assetsOnly: true);
                child = _resourceScope;
                return true;
            }
            if (_value is { Kind: JsonKind.Object } && (!_assetsOnly || name == "assets") && _value[name] is { } member)
            {
                child = new Scope(null, member);
                return true;
            }
            if (_option is null) return false;
            if (_option.IsOpen) return true;
            if (_option.Child(name) is not { } option) return false;
            child = new Scope(option, null);
            return true;
        }

        /// <summary>The scope a section over this name pushes: items for arrays, itself otherwise.</summary>
        public Scope? Inner()
        {
            if (_value is not null && _option is null)
            {
                return _value.Kind switch
                {
                    JsonKind.Object => this,
                    JsonKind.Array => null, // items of a resource array: shape not tracked
                    _ => new Scope(null, _value),
                };
            }
            if (_option is null) return null;
            if (_option.Items is { } items) return items.IsOpen ? null : new Scope(items, null);
            if (_option.IsOpen) return null;
            return this;
        }
    }
}
