using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json;
using Pipeline.Validation.Files;
using Pipeline.Validation.Schemas;
using Pipeline.Packages.Documents;

namespace Pipeline.Validation.Rules;

/// <summary>package.json: the schema of its packaging version, and name = folder.</summary>
public static class PackageJsonRules
{
    public static void Check(RevisionDocuments documents, List<Diagnostic> diagnostics)
    {
        if (documents.Package?.Root is not { } package || documents.Revision.PackageJson is not { } file) return;
        var path = file.RelativePath;
        if (package.Kind != JsonKind.Object)
        {
            diagnostics.Add(SchemaDiagnostics.InvalidValue(path, package.Position, $"package.json must be a JSON object, not {Describe(package)}"));
            return;
        }
        var packagingVersion = package[PackageFields.PackagingVersion];
        if (SchemaSet.Supported(documents.Package.PackagingVersion) is not { } version)
        {
            var message = packagingVersion is null
                ? "`packagingVersion` is required"
                : $"`packagingVersion` {Describe(packagingVersion)} is not supported";
            diagnostics.Add(RuleCatalog.UnsupportedPackagingVersion.At(path, packagingVersion?.Position ?? package.Position,
                message + "; use \"2.0\", \"3.0\", \"4.0\" or \"5.0\""));
            return;
        }
        SchemaDiagnostics.Validate(SchemaSet.Package(version), package, path, $"packaging {version}", diagnostics);

        if (package[PackageFields.Name] is { Kind: JsonKind.String } name && name.String != documents.Revision.Name)
        {
            diagnostics.Add(RuleCatalog.NameMismatch.At(path, name.Position,
                $"`name` is \"{name.String}\" but the package folder is `{documents.Revision.Name}`",
                $"Rename the folder to packages/{char.ToUpperInvariant(name.String![0])}/{name.String}/ or set `name` to \"{documents.Revision.Name}\"."));
        }
    }

    public static string Describe(JsonDatum value) => value.Kind switch
    {
        JsonKind.String => $"\"{value.String}\"",
        JsonKind.Number => value.NumberText ?? "a number",
        JsonKind.Boolean => value.Boolean ? "true" : "false",
        JsonKind.Null => "null",
        JsonKind.Array => "an array",
        _ => "an object",
    };
}
