namespace Pipeline.Json;

public sealed record SchemaOptions
{
    public static SchemaOptions Default { get; } = new();

    /// <summary>How long one <c>pattern</c> or <c>patternProperties</c> match may run before it is reported as too slow.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(200);
}
