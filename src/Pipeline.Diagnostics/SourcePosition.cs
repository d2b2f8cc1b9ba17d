namespace Pipeline.Diagnostics;

/// <summary>A 1-based line and column in a file; 0 means "unknown" (the whole file).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition None => default;

    public bool IsKnown => Line > 0;
}
