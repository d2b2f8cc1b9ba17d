using System.Text.Json;
using Pipeline.Build.Json;
using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// The JSON files of one revision as the writers need them (System.Text.Json elements, with
/// repeated names noted), each parsed once and shared by every output written from it.
/// <see cref="Read"/> returns null, with diagnostics, for a revision that cannot be built.
/// </summary>
internal sealed class ParsedRevision : IDisposable
{
    private ParsedRevision(PackageRevision revision, ParsedJson package)
    {
        Revision = revision;
        Package = package;
    }

    public PackageRevision Revision { get; }
    public ParsedJson Package { get; }
    public ParsedJson? Config { get; private set; }
    public ParsedJson? Resource { get; private set; }
    public ParsedJson? Command { get; private set; }

    public static ParsedRevision? Read(PackageRevision revision, List<Diagnostic> diagnostics)
    {
        var packageFile = revision.PackageJson;
        if (packageFile is null)
        {
            diagnostics.Add(RuleCatalog.MissingPackageJson.At(revision.RelativeDirectory,
                $"revision {revision.ReleaseVersion} of `{revision.Name}` has no package.json; revision not built"));
            return null;
        }
        foreach (var file in revision.Files)
        {
            if (file.Loaded) continue;
            // A tree read without content learns why a file cannot be read only here.
            var reason = file.LoadProblem ?? $"`{file.Name}` was not read";
            diagnostics.Add(RuleCatalog.UnreadableFile.At(file.RelativePath, $"{reason}; revision not built"));
            return null;
        }

        var package = JsonFileParser.Parse(packageFile, diagnostics);
        if (package is null) return null;
        var documents = new ParsedRevision(revision, package);
        if (package.Root.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(RuleCatalog.MalformedJson.At(packageFile.RelativePath, 1, 1,
                $"package.json must hold a JSON object, not {package.Root.ValueKind.ToString().ToLowerInvariant()}; revision not built"));
            documents.Dispose();
            return null;
        }
        var complete = true;
        documents.Config = ParseOptional(revision.ConfigJson, diagnostics, ref complete);
        documents.Resource = ParseOptional(revision.ResourceJson, diagnostics, ref complete);
        documents.Command = ParseOptional(revision.CommandJson, diagnostics, ref complete);
        if (complete) return documents;
        documents.Dispose();
        return null;
    }

    private static ParsedJson? ParseOptional(RevisionFile? file, List<Diagnostic> diagnostics, ref bool complete)
    {
        if (file is null) return null;
        var parsed = JsonFileParser.Parse(file, diagnostics);
        complete &= parsed is not null;
        return parsed;
    }

    public void Dispose()
    {
        Package.Dispose();
        Config?.Dispose();
        Resource?.Dispose();
        Command?.Dispose();
    }
}
