using Pipeline.Action.Inputs;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Action.Tests;

/// <summary>
/// action.yml is the action's interface: its inputs must be exactly those the program reads, and
/// its outputs those the program writes. actionlint checks workflows, not action metadata, so
/// this is its lint.
/// </summary>
public sealed class ActionMetadataTests
{
    /// <summary>This repository's action.yml, or the one at <paramref name="path"/> (a release's stamped copy).</summary>
    internal static YamlMappingNode Metadata(string? path = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path ?? Path.Combine(Pipeline.Testing.RepositoryFolders.Root, "action.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    internal static IEnumerable<string> Keys(YamlMappingNode root, string section) =>
        ((YamlMappingNode)root[section]).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    /// <summary>The INPUT_* variables the program reads.</summary>
    internal static IEnumerable<string> InputVariablesTheProgramReads()
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        ActionInputs.Read(new ProcessEnvironment(name =>
        {
            asked.Add(name);
            return null;
        }));
        return asked.Where(n => n.StartsWith("INPUT_", StringComparison.Ordinal));
    }

    [Fact]
    public void TheInputsAreExactlyThoseTheProgramReads() =>
        Keys(Metadata(), "inputs").Select(ActionInputs.VariableOf).Should().BeEquivalentTo(InputVariablesTheProgramReads());

    [Fact]
    public void EveryInputIsDescribedAndHasADefault()
    {
        var inputs = (YamlMappingNode)Metadata()["inputs"];
        foreach (var (key, value) in inputs.Children)
        {
            var input = (YamlMappingNode)value;
            input.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Should().Contain(["description", "default"], $"input `{key}` needs a description and a default");
        }
    }

    [RecordedEventFact]
    public async Task TheOutputsAreExactlyThoseTheProgramWrites()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.1.0");
        var headSha = repository.Commit("hello 1");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(1, baseSha, headSha);
        await run.RunAsync();

        var declared = Keys(Metadata(), "outputs").ToArray();
        var written = run.Outputs().Keys.Concat(PublishMode.OwnOutputs).Concat(BumpMode.OwnOutputs);
        declared.Should().BeEquivalentTo(written);
        var runs = (YamlMappingNode)Metadata()["runs"];
        ((YamlScalarNode)runs["using"]).Value.Should().Be("docker");
        ((YamlScalarNode)runs["image"]).Value.Should().Be("Dockerfile");
    }
}
