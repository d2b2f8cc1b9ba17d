namespace Pipeline.Templates.Rendering;

/// <summary>A tag name split at its dots; <c>.</c> is the current item and has no segments.</summary>
internal sealed class NamePath
{
    /// <param name="full">The name as written.</param>
    /// <param name="segments">Its parts between dots, empty ones included, as <c>full.Split('.')</c> gives them.</param>
    public NamePath(string full, string[] segments)
    {
        Full = full;
        Segments = segments;
    }

    public static NamePath Current { get; } = new(".", []);

    /// <summary>The name as written, looked up whole before its dots are followed (as mustache.java does).</summary>
    public string Full { get; }

    public string[] Segments { get; }

    public bool IsCurrent => Segments.Length == 0;

    public override string ToString() => Full;
}
