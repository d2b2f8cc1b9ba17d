using Pipeline.Json.Dom;

namespace Pipeline.Json.Schema;

/// <summary>
/// Gives the schema documents that a <c>$ref</c> names by a URI outside the document being loaded.
/// Production passes none (<see cref="SchemaOptions.RemoteDocuments"/> is null), so nothing is ever
/// fetched; a test that serves a conformance suite's documents from disk passes one.
/// </summary>
public interface ISchemaDocumentSource
{
    /// <summary>The document at <paramref name="location"/> (an absolute URI without fragment), or null when there is none.</summary>
    JsonDatum? Find(Uri location);
}
