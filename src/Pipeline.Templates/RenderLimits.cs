namespace Pipeline.Templates;

/// <summary>Bounds on one render, so a hostile template or context cannot hang or exhaust memory.</summary>
public sealed record RenderLimits
{
    public static RenderLimits Default { get; } = new();

    /// <summary>The most characters the output may hold.</summary>
    public int MaxOutputChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>The most sections that may be open at once while rendering.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The most tag evaluations (including each pass of a section over a list).</summary>
    public long MaxSteps { get; init; } = 2_000_000;
}
