namespace Pipeline.Json.Schema;

public sealed record SchemaOptions
{
    public static SchemaOptions Default { get; } = new();

    /// <summary>How long one <c>pattern</c> or <c>patternProperties</c> match may run before it is reported as too slow.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Where documents named by a remote <c>$ref</c> come from. Null by default: validation never fetches
    /// anything (no network), and a remote <c>$ref</c> is reported and accepts everything.
    /// </summary>
    public ISchemaDocumentSource? RemoteDocuments { get; init; }
}
