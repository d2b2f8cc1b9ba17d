using Pipeline.Diagnostics;
using Pipeline.Json;
using Pipeline.Packages.Documents;
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
        // One read model per revision, shared by every check: each file is parsed at most once,
        // config.json only when a check below needs it, and its options tree read once.
        var documents = RevisionDocuments.Read(revision);
        JsonFileReader.Report(documents.PackageFile, settings, diagnostics);
        JsonFileReader.Report(documents.ResourceFile, settings, diagnostics);
        JsonFileReader.Report(documents.CommandFile, settings, diagnostics);

        PackageJsonRules.Check(documents, diagnostics);
        ResourceRules.Check(documents, settings, diagnostics);
        if (documents.Command is { } command && revision.CommandJson is { } commandFile)
        {
            SchemaDiagnostics.Validate(SchemaSet.Command, command, commandFile.RelativePath, null, diagnostics);
        }
        SemanticRules.Check(documents, settings, diagnostics);
        if (revision.Readme is { } readme) EncodingChecks.DecodeUtf8(readme, diagnostics);

        // config.json and the descriptors are the bulk of the work and often repeat from revision
        // to revision: their checks run once per distinct content (see ContentCache). config.json
        // is parsed by its own checks when they run, else when a descriptor check needs it (the
        // config's checks were done for an earlier revision with the same file), else never.
        // Each content is hashed once: config.json is part of every descriptor's key too.
        var configDigest = ContentDigest.Of(revision.ConfigJson?.Content);
        var resourceDigest = ContentDigest.Of(revision.ResourceJson?.Content);
        if (revision.ConfigJson is { } configFile)
        {
            cache.Run(new ContentKey(ConfigCheck, null, configDigest), configFile.RelativePath, found =>
            {
                JsonFileReader.Report(documents.ConfigFile, settings, found);
                ConfigRules.Check(documents, found);
            }, diagnostics);
        }
        foreach (var (name, file) in revision.Descriptors())
        {
            var key = new ContentKey(DescriptorCheck, name.FileName, ContentDigest.Of(file.Content), configDigest, resourceDigest);
            cache.Run(key, file.RelativePath, found => DescriptorChecker.Check(name, file, documents, settings, found), diagnostics);
        }
        return documents;
    }
}
