namespace Pipeline.Json.Parsing;

/// <summary>Limits that keep parsing untrusted content bounded in time and memory.</summary>
public sealed record JsonParseOptions
{
    public static JsonParseOptions Default { get; } = new();

    /// <summary>How many containers may be open at once; the root object or array is level 1.</summary>
    public int MaxDepth { get; init; } = 128;

    public long MaxBytes { get; init; } = 8 * 1024 * 1024;
}
