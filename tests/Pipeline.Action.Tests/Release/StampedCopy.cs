using Pipeline.Testing;

namespace Pipeline.Action.Tests.Release;

/// <summary>A temp folder holding copies of this repository's action.yml and reusable workflow, as stamp.sh sees a checkout.</summary>
internal sealed class StampedCopy : IDisposable
{
    public StampedCopy()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Workflow)!);
        File.Copy(Path.Combine(RepositoryFolders.Root, "action.yml"), Action);
        File.Copy(Path.Combine(RepositoryFolders.Root, ".github", "workflows", "universe.yml"), Workflow);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pipeline-release-tests", Guid.NewGuid().ToString("N"));

    public string Action => Path.Combine(Root, "action.yml");

    public string Workflow => Path.Combine(Root, ".github", "workflows", "universe.yml");

    public Task<ReleaseScript.Result> StampAsync(string repository, string version) =>
        ReleaseScript.RunAsync("stamp.sh", [Root, repository, version]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
