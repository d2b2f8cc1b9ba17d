using LibGit2Sharp;
using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Packages.Settings;

namespace Pipeline.Changes.Git;

/// <summary>
/// Reads the base view from a commit: for each touched package, its revision folders and their
/// package.json blobs, <c>packages/&lt;L&gt;/&lt;name&gt;/*/package.json</c>. Nothing else of the tree is read.
/// </summary>
internal static class GitBaseView
{
    public static BaseView Read(Commit commit, string prefix, IEnumerable<PackageLocation> packages)
    {
        var result = new Dictionary<PackageLocation, IReadOnlyList<BaseRevision>>();
        foreach (var package in packages)
        {
            if (commit[prefix + package.Directory] is not { TargetType: TreeEntryTargetType.Tree } entry) continue;
            var revisions = new List<BaseRevision>();
            foreach (var child in (Tree)entry.Target)
            {
                if (child.TargetType != TreeEntryTargetType.Tree) continue;
                if (PackagePath.RevisionOf($"{package.Directory}/{child.Name}") is not { } revision) continue;
                var tree = (Tree)child.Target;
                var files = tree.Where(e => e.TargetType == TreeEntryTargetType.Blob).Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
                string? name = null, version = null;
                if (tree["package.json"] is { TargetType: TreeEntryTargetType.Blob } packageJson)
                {
                    var blob = (Blob)packageJson.Target;
                    using var stream = blob.GetContentStream();
                    using var memory = new MemoryStream();
                    stream.CopyTo(memory);
                    (name, version) = PackageIdentity.Read(memory.GetBuffer().AsMemory(0, (int)memory.Length));
                }
                revisions.Add(new BaseRevision(revision.ReleaseVersion, name, version, files));
            }
            if (revisions.Count > 0) result[package] = [.. revisions.OrderBy(r => r.ReleaseVersion)];
        }
        return new BaseView(result, versionsComplete: true) { Baseline = ReadBaseline(commit, prefix), Settings = ReadSettings(commit, prefix) };
    }

    /// <summary>
    /// The base commit's universe.yaml, within the settings reader's size limit; a link or an
    /// oversized blob is unknown (the caller then says it used the head's).
    /// </summary>
    private static SettingsOnBase ReadSettings(Commit commit, string prefix)
    {
        if (commit[prefix + RepositorySettingsReader.FileName] is not { } entry) return SettingsOnBase.Absent;
        if (entry.TargetType != TreeEntryTargetType.Blob || entry.Mode == Mode.SymbolicLink) return SettingsOnBase.Unknown;
        var blob = (Blob)entry.Target;
        if (blob.Size > RepositorySettingsReader.MaxBytes) return SettingsOnBase.Unknown;
        // As the settings reader decodes: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(blob.GetContentStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return SettingsOnBase.Read(reader.ReadToEnd());
    }

    /// <summary>The base commit's universe-baseline.json; a blob over the size limit is no baseline (the head's copy is judged on its own).</summary>
    private static BaselineOnBase ReadBaseline(Commit commit, string prefix)
    {
        if (commit[prefix + Pipeline.Diagnostics.Baselines.Baseline.FileName] is not { TargetType: TreeEntryTargetType.Blob } entry) return BaselineOnBase.Absent;
        var blob = (Blob)entry.Target;
        if (blob.Size > Pipeline.Validation.Baselines.BaselineFile.MaxBytes) return BaselineOnBase.Absent;
        using var stream = blob.GetContentStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return BaselineOnBase.Of(memory.ToArray());
    }
}
