using NJsonSchema;
using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>Every file of the real Universe tree validates against our schema for it.</summary>
public sealed class CorpusValidationTests
{
    [CorpusFact]
    public void EveryPackageJsonIsValidForItsPackagingVersion() =>
        AssertCorpusValid("package.json", json => SchemaSet.OursForPackaging(json["packagingVersion"]?.ToString()));

    [CorpusFact]
    public void EveryResourceJsonIsValid() => AssertCorpusValid("resource.json", _ => SchemaSet.Ours("resource.json"));

    [CorpusFact]
    public void EveryCommandJsonIsValid() => AssertCorpusValid("command.json", _ => SchemaSet.Ours("command.json"));

    [CorpusFact]
    public void EveryConfigJsonIsValid() => AssertCorpusValid("config.json", _ => SchemaSet.Ours("config.json"));

    [CorpusFact]
    public void EveryKnownExceptionIsStillRejectedByUniverseAndByUs()
    {
        var stale = new List<string>();
        foreach (var (path, _) in KnownCorpusExceptions.Files)
        {
            var fileName = Path.GetFileName(path);
            var json = SchemaSet.Parse(File.ReadAllText(Path.Combine(SharedCorpus.Packages, path)));
            var ours = fileName == "package.json" ? SchemaSet.OursForPackaging(json["packagingVersion"]?.ToString()) : SchemaSet.Ours(fileName);
            if (ours is not null && SchemaSet.IsValid(ours, json)) stale.Add($"{path}: now valid against ours");
            if (SchemaSet.IsValid(UniverseSchemas.For(fileName), json)) stale.Add($"{path}: valid against Universe's schema");
        }
        stale.Should().BeEmpty("a known exception must be a file that Universe's own schema rejects and ours still rejects");
    }

    private static void AssertCorpusValid(string fileName, Func<Newtonsoft.Json.Linq.JToken, JsonSchema?> schemaFor)
    {
        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var revision in CorpusRevisions.Revisions.Where(r => r.Has(fileName)))
        {
            var path = revision.Display(fileName);
            if (KnownCorpusExceptions.Files.ContainsKey(path)) continue;
            var json = SchemaSet.Parse(revision.Read(fileName));
            checkedFiles++;
            if (schemaFor(json) is not { } schema)
            {
                failures.Add($"{path}: no schema for packagingVersion {json["packagingVersion"]}");
                continue;
            }
            var errors = SchemaSet.Errors(schema, json);
            if (errors.Count > 0) failures.Add($"{path}: {string.Join("; ", errors)}");
        }
        checkedFiles.Should().BeGreaterThan(0, $"the corpus has {fileName} files");
        failures.Should().BeEmpty($"every corpus {fileName} should be valid against our schema, but {failures.Count} of {checkedFiles} are not:\n{string.Join("\n", failures)}");
    }
}
