namespace Pipeline.Repositories.Sources;

/// <summary>A fetched file: its bytes and the media type the server gave (null for a local file).</summary>
public sealed record FetchedDocument(Uri Address, byte[] Content, string? MediaType);
