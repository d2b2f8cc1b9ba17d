using System.Xml.Linq;
using Pipeline.Testing;

namespace Pipeline.Cli.Tests.Packaging;

/// <summary>
/// `dotnet pack Pipeline.sln` makes the tool package and nothing else: the libraries travel inside
/// it, and a package of each would be published by mistake sooner or later.
/// </summary>
public sealed class PackableProjectsTests
{
    [Fact]
    public void OnlyTheCliProjectIsPackable()
    {
        var props = XDocument.Load(Path.Combine(RepositoryFolders.Root, "Directory.Build.props"));
        props.Descendants("IsPackable").Select(e => e.Value).Should().Equal("false");

        var packable = Directory.EnumerateFiles(RepositoryFolders.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => XDocument.Load(path).Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .Select(path => Path.GetRelativePath(RepositoryFolders.Root, path));
        packable.Should().Equal(Path.Combine("src", "Pipeline.Cli", "Pipeline.Cli.csproj"));
    }
}
