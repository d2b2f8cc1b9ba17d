using System.Text.Json.Nodes;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// Runs the published `universe` executable — the program the container runs — as GitHub would:
/// `universe action` with INPUT_* and GITHUB_* variables, against the fake GitHub API. It is
/// published as the Dockerfile publishes it (self-contained, trimmed, ReadyToRun), where publish faults (a missing native
/// library, reflection that trimming broke) show that an in-process test never sees. .ci/run
/// publishes it and sets UNIVERSE_EXECUTABLE; without it the test publishes it itself
/// (<see cref="PublishedProgram"/>). ContainerTests run the real image.
/// </summary>
[Collection(PublishingCollection.Name)]
public sealed class PublishedProgramTests
{
    [RecordedEventFact]
    public async Task ThePublishedProgramReportsOnAPullRequest()
    {
        var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.0.0"); // the released version again: UNI404
        var headSha = repository.Commit("hello 1");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(5, baseSha, headSha);

        var (status, output) = await RunProcessAsync(run.Variables);

        status.Should().Be(1, output);
        run.GitHub.Comments(5).Should().ContainSingle().Which.Body.Should().Contain("UNI404");
        run.GitHub.CheckRuns().Should().ContainSingle().Which.Annotations.Should().Contain(a => a.Title != null && a.Title.Contains("UNI404"));
        run.GitHub.Labels(5).Should().Contain("update");
        run.Outputs()["valid"].Should().Be("false");
        File.ReadAllText(run.SummaryPath).Should().Contain("UNI404");

        // A push that fixes the version: the same comment is edited, never a second one.
        repository.Package("hello", 1, "1.1.0");
        var fixedSha = repository.Commit("hello 1: its own version");
        run.PullRequestEvent(5, baseSha, fixedSha);
        var (again, secondOutput) = await RunProcessAsync(run.Variables);

        again.Should().Be(0, secondOutput);
        run.GitHub.Comments(5).Should().ContainSingle().Which.Body.Should().NotContain("UNI404").And.Contain("new revision 1 of `hello`");
        run.GitHub.CheckRuns().Should().HaveCount(2).And.Contain(c => c.HeadSha == fixedSha && c.Conclusion == "success");
        run.Outputs()["valid"].Should().Be("true");
    }

    [Fact]
    public async Task ThePublishedProgramReportsTheFlavourItWasBuiltWith()
    {
        var executable = await PublishedProgram.ExecutableAsync();
        // What the build wrote into the program's runtime configuration (UniverseFlavour in
        // Pipeline.Cli.csproj); published as the tests, .ci/run and the Dockerfile publish it,
        // that is the container flavour.
        var configuration = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(executable, null) + ".runtimeconfig.json"))!;
        var built = configuration["runtimeOptions"]!["configProperties"]!["Pipeline.Cli.Flavour"]!.GetValue<string>();

        var (status, output) = await RunProcessAsync(new Dictionary<string, string>(), "version");

        status.Should().Be(0, output);
        output.Split('\n').Should().Contain($"flavour {built}").And.Contain(line => line.StartsWith("universe ", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("UNIVERSE_EXECUTABLE") is not { Length: > 0 }) built.Should().Be("container");
    }

    private static async Task<(int Status, string Output)> RunProcessAsync(IReadOnlyDictionary<string, string> variables, string command = "action")
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await PublishedProgram.RunAsync([command], variables, null, timeout.Token);
    }
}
