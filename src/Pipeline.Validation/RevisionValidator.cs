using Pipeline.Diagnostics;
using Pipeline.Json;
using Pipeline.Packages;
using Pipeline.Validation.Files;
using Pipeline.Validation.Rules;
using Pipeline.Validation.Schemas;
using Pipeline.Validation.Templates;

namespace Pipeline.Validation;

/// <summary>Every file, schema, semantic and template rule on one revision.</summary>
public static class RevisionValidator
{
    public static RevisionDocuments Validate(PackageRevision revision, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        var documents = new RevisionDocuments(
            revision,
            Read(revision.PackageJson, settings, diagnostics),
            Read(revision.ConfigJson, settings, diagnostics),
            Read(revision.ResourceJson, settings, diagnostics),
            Read(revision.CommandJson, settings, diagnostics));

        PackageJsonRules.Check(documents, diagnostics);
        ResourceRules.Check(documents, settings, diagnostics);
        if (documents.Command is { } command && revision.CommandJson is { } commandFile)
        {
            SchemaDiagnostics.Validate(SchemaSet.Command, command, commandFile.RelativePath, null, diagnostics);
        }
        ConfigRules.Check(documents, diagnostics);
        SemanticRules.Check(documents, settings, diagnostics);
        if (revision.Readme is { } readme) EncodingChecks.DecodeUtf8(readme, diagnostics);
        foreach (var (name, file) in revision.Descriptors())
        {
            DescriptorChecker.Check(name, file, documents, settings, diagnostics);
        }
        return documents;
    }

    private static JsonValue? Read(RevisionFile? file, RepositorySettings settings, List<Diagnostic> diagnostics) =>
        file is null ? null : JsonFileReader.Read(file, settings, diagnostics);
}
