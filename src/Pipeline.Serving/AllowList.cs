namespace Pipeline.Serving;

/// <summary>The upstream package names served: every name when the list is empty.</summary>
internal sealed class AllowList(IReadOnlyCollection<string> names)
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool Allows(string name) => _names.Count == 0 || _names.Contains(name);
}
