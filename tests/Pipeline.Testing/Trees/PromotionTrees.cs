using Pipeline.Testing.Git;

namespace Pipeline.Testing.Trees;

/// <summary>A staging tree and a production working tree, each a real Git repository in a temp folder.</summary>
public sealed class PromotionTrees : IDisposable
{
    public GitRepository Staging { get; } = new();
    public GitRepository Production { get; } = new();

    public string InProduction(string path) => Path.Combine(Production.Root, path);

    /// <summary>Every file under the production tree's packages/ folder, relative and '/' separated.</summary>
    public IReadOnlyList<string> ProductionFiles() =>
        Directory.Exists(InProduction("packages"))
            ? [.. Directory.GetFiles(InProduction("packages"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Production.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];

    public void Dispose()
    {
        Staging.Dispose();
        Production.Dispose();
    }
}
