using System.Text;
using Pipeline.Packages.Model;

namespace Pipeline.Packages.Tests.Documents;

/// <summary>A revision made from file contents in memory; a null content stands for a file that could not be read.</summary>
internal static class InMemoryRevision
{
    public static PackageRevision Of(params (string Name, string? Content)[] files)
    {
        var folder = new RevisionFolder("/universe", "packages/A/alpha/0");
        var made = files
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Content is null
                ? new RevisionFile(f.Name, folder, ReadOnlyMemory<byte>.Empty, false) { LoadProblem = $"`{f.Name}` cannot be read: denied" }
                : new RevisionFile(f.Name, folder, Encoding.UTF8.GetBytes(f.Content), true))
            .ToList();
        return new PackageRevision("alpha", 0, folder, made);
    }
}
