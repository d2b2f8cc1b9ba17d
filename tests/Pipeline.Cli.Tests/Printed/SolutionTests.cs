using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>The README's `dotnet test Pipeline.sln` runs every test project: each is in the solution.</summary>
public sealed class SolutionTests
{
    [Fact]
    public void EveryProjectIsInTheSolution()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "Pipeline.sln")).Replace('\\', '/');
        var projects = new[] { "src", "tests" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, top), "*.csproj", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepositoryFolders.Root, p).Replace('\\', '/'))
            .ToArray();

        projects.Should().Contain(p => p.EndsWith("Pipeline.Cli.Tests.csproj", StringComparison.Ordinal));
        projects.Where(p => !solution.Contains($"\"{p}\"", StringComparison.Ordinal)).Should().BeEmpty("`dotnet test Pipeline.sln` runs only the projects the solution lists");
    }
}
