namespace Pipeline.Serving;

/// <summary>The upstream package names served: every name when the list is empty.</summary>
internal sealed class AllowList(IReadOnlyCollection<string> names)
{
    private readonly HashSet<string> _names = new(names, StringComparer.Ordinal);

    public bool AllowsEverything => _names.Count == 0;

    public bool Allows(string name) => AllowsEverything || _names.Contains(name);
}
