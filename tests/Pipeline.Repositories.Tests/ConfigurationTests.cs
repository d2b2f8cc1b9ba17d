using Pipeline.Repositories.Configuration;
using Pipeline.Testing.Trees;

namespace Pipeline.Repositories.Tests;

public sealed class ConfigurationTests : IDisposable
{
    private readonly TestTrees _trees = new();

    public void Dispose() => _trees.Dispose();

    [Fact]
    public void SavedConfigurationReadsBackTheSame()
    {
        var config = RepositoryConfig.Empty
            .Add(new RepositoryEntry("local", "/srv/universe", 10), out _)!
            .Add(new RepositoryEntry("yes", "https://example.com/a b/index.json?x=1#frag", -3), out _)!;
        var path = _trees.Path("config", "universe", "repositories.yaml");

        RepositoryConfigFile.Save(path, config);
        var loaded = RepositoryConfigFile.Load(path);

        loaded.Problem.Should().BeNull();
        loaded.Config!.Repositories.Should().Equal(config.Repositories);
    }

    [Fact]
    public void MissingFileIsAnEmptyConfiguration() =>
        RepositoryConfigFile.Load(_trees.Path("absent.yaml")).Config!.Repositories.Should().BeEmpty();

    [Theory]
    [InlineData("repositories:\n  - name: a\n    location: /x\n    priority: high\n", 4, "`priority` must be a whole number")]
    [InlineData("repositories:\n  - name: a\n    location: [/x\n", 4, "not valid YAML")]
    [InlineData("repositories:\n  - name: a\n\tlocation: /x\n", 2, "not valid YAML")]
    [InlineData("repositories:\n  - name: a\n    place: /x\n", 3, "unknown key `place`")]
    [InlineData("repos:\n  - name: a\n", 1, "unknown key `repos`")]
    [InlineData("repositories:\n  - name: a\n    location: /x\n  - name: a\n    location: /y\n", 4, "listed twice")]
    public void BrokenFileIsReportedWithItsLine(string yaml, int line, string message)
    {
        var loaded = RepositoryConfigFile.Parse(yaml, "repositories.yaml");

        loaded.Config.Should().BeNull();
        loaded.Problem.Should().StartWith($"repositories.yaml:{line}:").And.Contain(message);
    }

    [Fact]
    public void MalformedYamlNeverThrows() =>
        RepositoryConfigFile.Parse("repositories:\n  - name: a\n    location: [/x\n  - name: b\n", "r.yaml").Problem.Should().StartWith("r.yaml:").And.Contain("not valid YAML");

    [Fact]
    public void DeeplyNestedYamlIsAProblemNotAStackOverflow() =>
        RepositoryConfigFile.Parse("repositories: " + new string('[', 50_000), "r.yaml").Problem.Should()
            .StartWith("r.yaml:1:").And.Contain("more than 128 levels");

    [Fact]
    public void PriorityOrdersResolutionAndTiesKeepTheOrderAdded()
    {
        var config = new RepositoryConfig([new("low", "/a", 0), new("high", "/b", 5), new("tie", "/c", 0)]);

        config.ByPriority.Select(r => r.Name).Should().Equal("high", "low", "tie");
    }

    [Fact]
    public void DuplicateOrInvalidNamesAreRefused()
    {
        var config = new RepositoryConfig([new("a", "/a", 0)]);

        config.Add(new RepositoryEntry("a", "/b", 0), out var duplicate).Should().BeNull();
        duplicate.Should().Contain("already exists");
        config.Add(new RepositoryEntry("bad name", "/b", 0), out var invalid).Should().BeNull();
        invalid.Should().Contain("not a valid repository name");
    }

    [Fact]
    public void ThePathFollowsXdgThenHome()
    {
        ConfigPaths.Default(n => n == "XDG_CONFIG_HOME" ? "/xdg" : "/home/u").Should().Be("/xdg/universe/repositories.yaml");
        ConfigPaths.Default(n => n == "HOME" ? "/home/u" : null).Should().Be("/home/u/.config/universe/repositories.yaml");
        ConfigPaths.Default(n => n == "XDG_CONFIG_HOME" ? "relative" : n == "HOME" ? "/home/u" : null).Should().Be("/home/u/.config/universe/repositories.yaml");
        ConfigPaths.Default(_ => null).Should().BeNull();
    }
}
