using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Packages;
using Pipeline.Validation.Files;
using Pipeline.Validation.Rules;
using Pipeline.Validation.Schemas;
using Pipeline.Validation.Templates;

namespace Pipeline.Validation;

/// <summary>Every file, schema, semantic and template rule on one revision.</summary>
public static class RevisionValidator
{
    private const int ConfigCheck = 1;
    private const int DescriptorCheck = 2;

    public static RevisionDocuments Validate(PackageRevision revision, RepositorySettings settings, List<Diagnostic> diagnostics) =>
        Validate(revision, settings, new ContentCache(), diagnostics);

    public static RevisionDocuments Validate(PackageRevision revision, RepositorySettings settings, ContentCache cache, List<Diagnostic> diagnostics)
    {
        var documents = new RevisionDocuments(
            revision,
            Read(revision.PackageJson, settings, diagnostics),
            null,
            Read(revision.ResourceJson, settings, diagnostics),
            Read(revision.CommandJson, settings, diagnostics));

        PackageJsonRules.Check(documents, diagnostics);
        ResourceRules.Check(documents, settings, diagnostics);
        if (documents.Command is { } command && revision.CommandJson is { } commandFile)
        {
            SchemaDiagnostics.Validate(SchemaSet.Command, command, commandFile.RelativePath, null, diagnostics);
        }
        SemanticRules.Check(documents, settings, diagnostics);
        if (revision.Readme is { } readme) EncodingChecks.DecodeUtf8(readme, diagnostics);

        // config.json and the descriptors are the bulk of the work and often repeat from revision
        // to revision: their checks run once per distinct content (see ContentCache).
        // config.json is parsed once: by its own checks when they run, else when a descriptor
        // check needs it (the config's checks were done for an earlier revision with the same file).
        JsonDatum? configRoot = null;
        var configParsed = false;
        // Each content is hashed once: config.json is part of every descriptor's key too.
        var configDigest = ContentDigest.Of(revision.ConfigJson?.Content);
        var resourceDigest = ContentDigest.Of(revision.ResourceJson?.Content);
        var config = new Lazy<JsonDatum?>(() => configParsed
            ? configRoot
            : revision.ConfigJson is { Loaded: true } file ? JsonParser.Parse(file.Content).Root : null);
        // One documents value with the config for every check of this revision, so the options
        // tree read from it (RevisionDocuments.Options) is read once.
        RevisionDocuments? configured = null;
        RevisionDocuments Configured() => configured ??= documents with { Config = config.Value };
        if (revision.ConfigJson is { } configFile)
        {
            cache.Run(new ContentKey(ConfigCheck, null, configDigest), configFile.RelativePath, found =>
            {
                configRoot = JsonFileReader.Read(configFile, settings, found);
                configParsed = true;
                ConfigRules.Check(Configured(), found);
            }, diagnostics);
        }
        foreach (var (name, file) in revision.Descriptors())
        {
            var key = new ContentKey(DescriptorCheck, name.FileName, ContentDigest.Of(file.Content), configDigest, resourceDigest);
            cache.Run(key, file.RelativePath, found => DescriptorChecker.Check(name, file, Configured(), settings, found), diagnostics);
        }
        return documents;
    }

    private static JsonDatum? Read(RevisionFile? file, RepositorySettings settings, List<Diagnostic> diagnostics) =>
        file is null ? null : JsonFileReader.Read(file, settings, diagnostics);
}
