namespace Pipeline.Architecture.Tests;

/// <summary>
/// The floors of the house, as README.md's "Where things are" draws them: a library may
/// reference only libraries on lower floors, so no capability reaches up into a program or
/// sideways into a peer. A new project has to be given a floor here before it builds green.
/// </summary>
public sealed class LayeringTests
{
    public static readonly IReadOnlyDictionary<string, int> Floors = new Dictionary<string, int>
    {
        ["Pipeline.Diagnostics"] = 0,
        ["Pipeline.Json"] = 1,
        ["Pipeline.GitHub"] = 1,
        ["Pipeline.Templates"] = 2,
        ["Pipeline.Packages"] = 2,
        ["Pipeline.Build"] = 3,
        ["Pipeline.Validation"] = 3,
        ["Pipeline.Site"] = 4,
        ["Pipeline.Changes"] = 4,
        ["Pipeline.Repositories"] = 4,
        ["Pipeline.Serving"] = 5,
        ["Pipeline.Publishing"] = 5,
        ["Pipeline.Promotion"] = 5,
        ["Pipeline.Mirroring"] = 5,
        ["Pipeline.Bumping"] = 5,
        ["Pipeline.Action"] = 6,
        ["Pipeline.Cli"] = 7,
    };

    [Fact]
    public void EveryProjectHasAFloor()
    {
        SourceProject.All.Select(p => p.Name).Should().BeEquivalentTo(Floors.Keys,
            "every library under src/ is placed on a floor here and in README.md");
    }

    [Fact]
    public void ProjectsReferenceOnlyLowerFloors()
    {
        var upward = SourceProject.All
            .SelectMany(p => p.ProjectReferences.Select(r => (From: p.Name, To: r)))
            .Where(edge => !Floors.TryGetValue(edge.To, out var to) || to >= Floors[edge.From])
            .Select(edge => $"{edge.From} (floor {Floors[edge.From]}) → {edge.To} (floor {(Floors.TryGetValue(edge.To, out var f) ? f : -1)})")
            .ToArray();
        string.Join(Environment.NewLine, upward).Should().BeEmpty();
    }

    [Fact]
    public void OnlyTheGitHubLibraryReferencesOctokit()
    {
        SourceProject.All
            .Where(p => p.PackageReferences.Contains("Octokit"))
            .Select(p => p.Name)
            .Should().Equal(["Pipeline.GitHub"]);
    }

    /// <summary>
    /// The compiler records a reference in an assembly only when the code uses something from it,
    /// so a project reference missing from the built assembly is one nothing uses.
    /// </summary>
    [Fact]
    public void EveryProjectReferenceIsUsed()
    {
        var unused = SourceProject.All
            .SelectMany(p =>
            {
                var used = p.Assembly.GetReferencedAssemblies().Select(a => a.Name).ToHashSet();
                return p.ProjectReferences.Where(r => !used.Contains(SourceProject.Named(r).AssemblyName)).Select(r => $"{p.Name} → {r}");
            });
        string.Join(Environment.NewLine, unused).Should().BeEmpty();
    }
}
