using System.Text.Json;
using Pipeline.Build.Json;
using Pipeline.Packages.Documents;
using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Build.Revisions;

/// <summary>
/// The JSON files of one revision as the writers need them (System.Text.Json elements, with
/// repeated names noted), each parsed once and shared by every output written from it.
/// <see cref="Read"/> returns null, saying which file stopped it, for a revision that cannot be built.
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

    /// <summary>
    /// The revision's files parsed, or null when one stops it: then <paramref name="unbuilt"/> gets
    /// the file (each JSON file that does not parse, when package.json itself does).
    /// </summary>
    public static ParsedRevision? Read(PackageRevision revision, List<UnbuiltRevision> unbuilt)
    {
        if (revision.PackageJson is not { } packageFile)
        {
            unbuilt.Add(Unbuilt(revision, KnownFiles.Package, DocumentOutcome.Absent));
            return null;
        }
        foreach (var file in revision.Files)
        {
            // A tree read without content learns that a file cannot be read only here.
            if (file.Loaded) continue;
            unbuilt.Add(Unbuilt(revision, file.Name, DocumentOutcome.Unreadable));
            return null;
        }

        var package = JsonFileParser.Parse(packageFile);
        if (package is null || package.Root.ValueKind != JsonValueKind.Object)
        {
            package?.Dispose();
            unbuilt.Add(Unbuilt(revision, packageFile.Name, DocumentOutcome.Malformed));
            return null;
        }
        var documents = new ParsedRevision(revision, package);
        var complete = true;
        documents.Config = ParseOptional(revision, revision.ConfigJson, unbuilt, ref complete);
        documents.Resource = ParseOptional(revision, revision.ResourceJson, unbuilt, ref complete);
        documents.Command = ParseOptional(revision, revision.CommandJson, unbuilt, ref complete);
        if (complete) return documents;
        documents.Dispose();
        return null;
    }

    private static ParsedJson? ParseOptional(PackageRevision revision, RevisionFile? file, List<UnbuiltRevision> unbuilt, ref bool complete)
    {
        if (file is null) return null;
        var parsed = JsonFileParser.Parse(file);
        if (parsed is not null) return parsed;
        unbuilt.Add(Unbuilt(revision, file.Name, DocumentOutcome.Malformed));
        complete = false;
        return null;
    }

    private static UnbuiltRevision Unbuilt(PackageRevision revision, string fileName, DocumentOutcome outcome) =>
        new(revision.WithoutContents(), fileName, outcome);

    public void Dispose()
    {
        Package.Dispose();
        Config?.Dispose();
        Resource?.Dispose();
        Command?.Dispose();
    }
}
