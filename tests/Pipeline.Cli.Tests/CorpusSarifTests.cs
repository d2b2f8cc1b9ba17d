using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;
using Pipeline.Json;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests;

/// <summary>The SARIF of the real Universe corpus, every rule that fires on it, against the OASIS schema.</summary>
public sealed class CorpusSarifTests
{
    private static readonly string Shared = RepositoryFolders.Shared;
    private static readonly string Schema = Path.Combine(Shared, "conformance", "sarif", "sarif-schema-2.1.0.json");
    private static readonly string Corpus = SharedCorpus.Repository;

    public sealed class NeedsCorpusAndSchemaFactAttribute : FactAttribute
    {
        public NeedsCorpusAndSchemaFactAttribute()
        {
            if (!File.Exists(Schema) || !Directory.Exists(Path.Combine(Corpus, "packages")))
            {
                Skip = $"needs the Universe corpus and the SARIF schema in {Shared} (../shared beside the checkout)";
            }
        }
    }

    [NeedsCorpusAndSchemaFact]
    public void TheCorpusSarifValidatesAndEveryResultHasALocationAndAFingerprint()
    {
        var run = CliRun.Of("validate", Corpus, "--format", "sarif");

        run.ExitCode.Should().Be(1, "the corpus has errors");
        var log = JsonParser.Parse(run.Out).Root!;
        var schema = JsonSchema.Load(JsonParser.Parse(File.ReadAllText(Schema)).Root!).Schema!;
        schema.Validate(log).Select(e => $"{e.InstancePointer}: {e.Message}").Should().BeEmpty();

        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();
        results.Should().NotBeEmpty();
        results.Should().AllSatisfy(r =>
        {
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().BePositive();
            r.GetProperty("partialFingerprints").GetProperty("universeFingerprint/v1").GetString().Should().NotBeNullOrEmpty();
        });
    }
}
