using System.Globalization;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Serving.Merging;

/// <summary>A package name served from one source and hidden in later ones.</summary>
public sealed record ShadowedPackage(string Name, string ServedFrom, IReadOnlyList<string> HiddenIn);

/// <summary>
/// The package names more than one source lists (local first, then upstreams by priority; the
/// allow-list applies to upstreams): the first source serves the whole package, the others' is
/// hidden. Worked out again only when a source's name set changes (sets are compared by reference:
/// each fetched copy has its own), and each conflict is told to the operator once, when it appears
/// or changes, never per request. Names come from upstreams, so a notice shows them escaped and
/// shortened, and one change tells at most <see cref="MaxNotices"/> conflicts (the rest are counted
/// and listed in /health): an upstream listing 100,000 of local's names must not flood the console.
/// </summary>
internal sealed class PriorityConflicts(AllowList allow, Action<string>? notice)
{
    public const int MaxNotices = 20;
    private const int MaxNameLength = 100;

    private readonly Lock _gate = new();
    private IReadOnlySet<string>[] _sources = [];
    private Dictionary<string, ShadowedPackage> _current = new(StringComparer.Ordinal);

    /// <summary>The conflicts now, in name order.</summary>
    public IReadOnlyList<ShadowedPackage> Current
    {
        get
        {
            lock (_gate) return [.. _current.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    /// <param name="local">The local package names, or null when nothing is served locally.</param>
    /// <param name="upstreams">Each upstream's name and package names, in priority order.</param>
    public void Update(IReadOnlySet<string>? local, IReadOnlyList<(string Name, IReadOnlySet<string> Packages)> upstreams)
    {
        IReadOnlySet<string>[] sources = [local ?? EmptySet, .. upstreams.Select(u => u.Packages)];
        lock (_gate)
        {
            if (sources.Length == _sources.Length && sources.Zip(_sources).All(p => ReferenceEquals(p.First, p.Second))) return;
            _sources = sources;
            var servedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            var hidden = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (local is not null) foreach (var name in local) servedFrom[name] = "local";
            foreach (var (upstream, packages) in upstreams)
            {
                foreach (var name in packages)
                {
                    if (!allow.Allows(name)) continue;
                    if (!servedFrom.TryAdd(name, upstream)) (hidden.TryGetValue(name, out var list) ? list : hidden[name] = []).Add(upstream);
                }
            }
            var next = hidden.ToDictionary(h => h.Key, h => new ShadowedPackage(h.Key, servedFrom[h.Key], h.Value), StringComparer.Ordinal);
            var told = 0;
            var untold = 0;
            foreach (var conflict in next.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                if (_current.TryGetValue(conflict.Name, out var before) && before.ServedFrom == conflict.ServedFrom && before.HiddenIn.SequenceEqual(conflict.HiddenIn)) continue;
                if (told++ < MaxNotices) notice?.Invoke(Describe(conflict));
                else untold++;
            }
            if (untold > 0) notice?.Invoke(string.Create(CultureInfo.InvariantCulture, $"{untold} more package name(s) in more than one source; /health lists them under `shadowed`"));
            _current = next;
        }
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private static string Describe(ShadowedPackage conflict)
    {
        var sources = new[] { conflict.ServedFrom }.Concat(conflict.HiddenIn).Select(Label).ToList();
        return $"`{Shown(conflict.Name)}` is in {string.Join(", ", sources[..^1])} and {sources[^1]}; serving {sources[0]}";
    }

    private static string Label(string source) => source == "local" ? "local" : $"upstream `{Shown(source)}`";

    private static string Shown(string text) => TerminalText.Escape(text.Length <= MaxNameLength ? text : text[..MaxNameLength] + "…");
}
