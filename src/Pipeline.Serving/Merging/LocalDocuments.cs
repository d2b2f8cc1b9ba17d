using System.Text.Json.Nodes;
using Pipeline.Build;
using Pipeline.Build.Dcos;
using Pipeline.Serving.Responses;

namespace Pipeline.Serving.Merging;

/// <summary>One local snapshot's contribution: its build and the documents merged from it and the upstreams.</summary>
internal sealed record LocalDocuments(BuildResult? Build, MergedDocument Index, IReadOnlyDictionary<string, MergedDocument> Repositories)
{
    public static LocalDocuments For(BuildResult? local, AllowList allow, Representations representations)
    {
        var repositories = new Dictionary<string, MergedDocument>(StringComparer.Ordinal);
        foreach (var release in DcosRepositoryFormat.Releases)
        {
            // One upstream file and nothing to add or filter: served as it is, not held twice (a public universe's is 25 MB).
            repositories[release.Version] = new MergedDocument(
                inputs => local is null && inputs.Count == 1 && allow.AllowsEverything
                    ? inputs[0]
                    : PackageListMerger.Merge(local?.Find(release.RepositoryFileName)?.ToArray(), inputs, allow, () => []),
                DcosRepositoryFormat.ContentType(release.RepositoryVersion), representations);
        }
        return new LocalDocuments(local, new MergedDocument(inputs => PackageListMerger.Merge(local?.Find("index.json")?.ToArray(), inputs, allow, EmptyIndex), "application/json", representations), repositories);
    }

    private static JsonObject EmptyIndex() => new()
    {
        ["formatVersion"] = "1",
        ["repository"] = new JsonObject { ["name"] = "universe serve", ["description"] = "Upstream repositories served as one" },
        ["source"] = new JsonObject { ["commit"] = null },
        ["packages"] = new JsonArray(),
    };
}
