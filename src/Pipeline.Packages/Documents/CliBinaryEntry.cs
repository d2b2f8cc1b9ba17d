namespace Pipeline.Packages.Documents;

/// <summary>One binary of resource.json's <c>cli.binaries.&lt;platform&gt;.&lt;arch&gt;</c>, with its SHA-256 when declared.</summary>
public sealed record CliBinaryEntry(string Platform, string Architecture, string Kind, string Url, string? Sha256);
