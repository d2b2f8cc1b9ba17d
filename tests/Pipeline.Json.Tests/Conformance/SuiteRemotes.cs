using System.Collections.Concurrent;
using Pipeline.Json.Dom;
using Pipeline.Json.Schema;

namespace Pipeline.Json.Tests.Conformance;

/// <summary>
/// The documents the suite's remote <c>$ref</c>s name: <c>http://localhost:1234/…</c> from its
/// <c>remotes/</c> folder, and the draft 4 meta-schema, which the suite expects a validator to know.
/// Test-only: production has no <see cref="ISchemaDocumentSource"/>.
/// </summary>
internal sealed class SuiteRemotes(string suiteFolder) : ISchemaDocumentSource
{
    private const string MetaSchema = "http://json-schema.org/draft-04/schema";

    private readonly ConcurrentDictionary<string, JsonDatum?> _documents = new(StringComparer.Ordinal);

    public JsonDatum? Find(Uri location) => _documents.GetOrAdd(location.AbsoluteUri, _ => Read(location));

    private JsonDatum? Read(Uri location)
    {
        if (location.AbsoluteUri == MetaSchema) return DraftFourSuite.Parse(Path.Combine(AppContext.BaseDirectory, "Conformance", "draft-04-schema.json"));
        if (location is not { Scheme: "http", Host: "localhost", Port: 1234 }) return null;
        var path = Path.GetFullPath(Path.Combine(suiteFolder, "remotes", Uri.UnescapeDataString(location.AbsolutePath).TrimStart('/')));
        return File.Exists(path) ? DraftFourSuite.Parse(path) : null;
    }
}
