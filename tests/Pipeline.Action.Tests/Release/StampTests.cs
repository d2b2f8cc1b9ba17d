using Pipeline.Action.Inputs;
using Pipeline.Action.Tests.Workflows;
using Pipeline.Testing;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Action.Tests.Release;

/// <summary>stamp.sh: the release commit's action.yml runs the released image, and its reusable workflow calls that release.</summary>
public sealed class StampTests
{
    private const string Fork = "Acme-Corp/Universe.Fork";

    [Fact]
    public async Task TheActionRunsTheReleasedImageOfTheRepositoryItIsReleasedFrom()
    {
        using var copy = new StampedCopy();

        var result = await copy.StampAsync(Fork, "1.4.0");

        result.ExitCode.Should().Be(0, result.ToString());
        var stamped = ActionMetadataTests.Metadata(copy.Action);
        var runs = (YamlMappingNode)stamped["runs"];
        ((YamlScalarNode)runs["using"]).Value.Should().Be("docker");
        ((YamlScalarNode)runs["image"]).Value.Should().Be("docker://ghcr.io/acme-corp/universe.fork:1.4.0", "image names are lower case");
        // Still the program's interface: the same inputs it reads, the outputs ActionMetadataTests ties to it.
        ActionMetadataTests.Keys(stamped, "inputs").Select(ActionInputs.VariableOf).Should().BeEquivalentTo(ActionMetadataTests.InputVariablesTheProgramReads());
        ActionMetadataTests.Keys(stamped, "outputs").Should().Equal(ActionMetadataTests.Keys(ActionMetadataTests.Metadata(), "outputs"));
        Changed(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "action.yml")), File.ReadAllText(copy.Action))
            .Should().Equal("  image: docker://ghcr.io/acme-corp/universe.fork:1.4.0");
    }

    [Fact]
    public async Task TheReusableWorkflowCallsThisReleaseAndItsHeaderTheMajorTag()
    {
        using var copy = new StampedCopy();

        var result = await copy.StampAsync(Fork, "1.4.0");

        result.ExitCode.Should().Be(0, result.ToString());
        var text = File.ReadAllText(copy.Workflow);
        text.Should().NotContain(WorkflowRules.OwnAction, "a fork's release names the fork");
        var calls = text.Split('\n').Where(l => l.TrimStart().StartsWith("- uses: Acme-Corp/", StringComparison.Ordinal)).ToList();
        calls.Should().HaveCount(2).And.OnlyContain(l => l.EndsWith("- uses: Acme-Corp/Universe.Fork@v1.4.0", StringComparison.Ordinal));
        text.Should().Contain("#       uses: Acme-Corp/Universe.Fork/.github/workflows/universe.yml@v1\n");
        WorkflowRules.Check("universe.yml", text, WorkflowRulesTests.Writes["universe.yml"], Fork).Should().BeEmpty();
    }

    [Fact]
    public async Task AFileWithoutTheLineToStampFailsNamingIt()
    {
        using var copy = new StampedCopy();
        (await copy.StampAsync(Fork, "1.4.0")).ExitCode.Should().Be(0);

        var again = await copy.StampAsync(Fork, "1.4.1");

        again.ExitCode.Should().Be(1);
        again.Error.Should().Contain("action.yml has no line matching '^  image: Dockerfile$'");
    }

    [Fact]
    public async Task ARewordedWorkflowHeaderFailsTheStamp()
    {
        using var copy = new StampedCopy();
        File.WriteAllText(copy.Workflow, File.ReadAllText(copy.Workflow).Replace("#       uses: ", "#       call: ", StringComparison.Ordinal));

        var result = await copy.StampAsync(Fork, "1.4.0");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("universe.yml has no line matching").And.Contain(".github");
    }

    [Theory]
    [InlineData("acme", "1.4.0", "is not an OWNER/REPO name")]
    [InlineData("acme/fork; rm -rf /", "1.4.0", "is not an OWNER/REPO name")]
    [InlineData(Fork, "v1.4.0", "is not a release version")]
    public async Task BadArgumentsAreRefused(string repository, string version, string message)
    {
        using var copy = new StampedCopy();

        var result = await copy.StampAsync(repository, version);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain(message);
        File.ReadAllText(copy.Action).Should().Contain("image: Dockerfile");
    }

    /// <summary>The lines of <paramref name="after"/> that differ from <paramref name="before"/>, line by line.</summary>
    private static List<string> Changed(string before, string after)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        now.Should().HaveSameCount(old, "stamping rewrites lines, never adds or drops one");
        return now.Where((line, i) => line != old[i]).ToList();
    }
}
