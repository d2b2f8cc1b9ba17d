using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Packages;
using Pipeline.Packages.Documents;
using Pipeline.Validation.Schemas;

namespace Pipeline.Validation.Rules;

/// <summary>Rules across the files of one revision.</summary>
public static class SemanticRules
{
    private static readonly DcosVersion Dcos18 = new([1, 8]);

    public static void Check(RevisionDocuments documents, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        var revision = documents.Revision;
        var packaging = SchemaSet.Supported(documents.Package?.PackagingVersion);
        if (revision.CommandJson is { } command && packaging is "4.0" or "5.0")
        {
            diagnostics.Add(RuleCatalog.CommandNotAllowed.At(command.RelativePath,
                $"command.json is not allowed with packaging {packaging} (only 2.0 and 3.0)"));
        }
        if (documents.Resource?.Root[ResourceFields.Cli] is { } cli && revision.CommandJson is null && revision.ResourceJson is { } resourceFile && packaging is not null)
        {
            var min = documents.Package?.MinDcosReleaseVersion;
            if (!DcosVersion.TryParse(min, out var version) || version < Dcos18)
            {
                diagnostics.Add(RuleCatalog.CliNeedsDcos18.At(resourceFile.RelativePath, cli.Position,
                    min is null
                        ? "resource.json has `cli` binaries but package.json sets no minDcosReleaseVersion (1.8 or later is needed)"
                        : $"resource.json has `cli` binaries but minDcosReleaseVersion is \"{min}\" (1.8 or later is needed)"));
            }
        }
        if (settings.Policies.HttpsOnly)
        {
            CheckHttps(documents.Package?.Root, revision.PackageJson, diagnostics);
            CheckHttps(documents.Resource?.Root, revision.ResourceJson, diagnostics);
        }
    }

    /// <summary>Every string value that is an http:// URL, anywhere in the document.</summary>
    private static void CheckHttps(JsonDatum? document, RevisionFile? file, List<Diagnostic> diagnostics)
    {
        if (document is null || file is null) return;
        var pending = new Stack<JsonDatum>();
        pending.Push(document);
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            switch (value.Kind)
            {
                case JsonKind.String when value.String!.StartsWith("http://", StringComparison.OrdinalIgnoreCase):
                    diagnostics.Add(RuleCatalog.InsecureUrl.At(file.RelativePath, value.Position,
                        $"`{value.Pointer.TrimStart('/').Replace('/', '.')}` is {value.String}, which is not https"));
                    break;
                case JsonKind.Object:
                    foreach (var property in value.Properties) pending.Push(property.Value);
                    break;
                case JsonKind.Array:
                    foreach (var item in value.Items) pending.Push(item);
                    break;
            }
        }
    }
}
