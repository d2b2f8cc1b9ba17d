namespace Pipeline.Templates.Rendering;

/// <summary>A tag name split at its dots; <c>.</c> is the current item and has no segments.</summary>
internal sealed class NamePath
{
    private NamePath(string full, string[] segments)
    {
        Full = full;
        Segments = segments;
    }

    public static NamePath Current { get; } = new(".", []);

    /// <summary>The name as written, looked up whole before its dots are followed (as mustache.java does).</summary>
    public string Full { get; }

    public string[] Segments { get; }

    public bool IsCurrent => Segments.Length == 0;

    public bool IsDotted => Segments.Length > 1;

    public static NamePath Parse(string name) => name == "." ? Current : new(name, name.Split('.'));

    public override string ToString() => Full;
}
