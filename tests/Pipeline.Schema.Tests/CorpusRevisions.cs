using Pipeline.Testing;

namespace Pipeline.Schema.Tests;

/// <summary>The revisions of the real Universe tree in ../shared/corpus, in a fixed order.</summary>
internal static class CorpusRevisions
{
    private static readonly Lazy<IReadOnlyList<CorpusRevision>> LazyRevisions = new(LoadRevisions);

    /// <summary>Every revision folder, ordered by package name and then by revision number.</summary>
    public static IReadOnlyList<CorpusRevision> Revisions => LazyRevisions.Value;

    private static IReadOnlyList<CorpusRevision> LoadRevisions() =>
        Directory.EnumerateDirectories(SharedCorpus.Packages)
            .SelectMany(Directory.EnumerateDirectories)
            .SelectMany(package => Directory.EnumerateDirectories(package)
                .Select(folder => new CorpusRevision(Path.GetFileName(package), int.Parse(Path.GetFileName(folder), System.Globalization.CultureInfo.InvariantCulture), folder)))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Revision)
            .ToList();
}

/// <summary>One revision folder of the corpus.</summary>
internal sealed record CorpusRevision(string Name, int Revision, string Folder)
{
    /// <summary>The file's path relative to the corpus packages folder, as failure messages show it.</summary>
    public string Display(string fileName) =>
        Path.GetRelativePath(SharedCorpus.Packages, Path.Combine(Folder, fileName)).Replace('\\', '/');

    public bool Has(string fileName) => File.Exists(Path.Combine(Folder, fileName));

    public string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    public override string ToString() => $"{Name}/{Revision}";
}
