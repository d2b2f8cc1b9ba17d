using Pipeline.Action.Inputs;
using Pipeline.Diagnostics.Runs;
using Pipeline.GitHub;

namespace Pipeline.Action.Tests;

/// <summary>
/// <c>mode: bump</c>: what it asks for from the inputs and the release event. Opening the pull
/// request is <c>universe bump --universe</c>'s code, tested with the fake GitHub API there.
/// </summary>
public sealed class BumpModeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("universe-bump-mode-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Event(string json)
    {
        var path = Path.Combine(_folder, "event.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static ActionInputs Inputs(params (string Name, string Value)[] inputs) =>
        ActionInputs.Read(ProcessEnvironment.Of(inputs.ToDictionary(i => ActionInputs.VariableOf(i.Name), i => i.Value))).Inputs;

    [Fact]
    public void The_version_is_the_release_tag_without_v_and_the_release_is_linked_from_this_repository()
    {
        var release = ReleaseEvent.Read(Event("""{"action": "published", "release": {"tag_name": "v2.0.1", "html_url": "https://github.com/acme/kafka/releases/tag/v2.0.1"}}"""));
        var inputs = Inputs(("mode", "bump"), ("package", "kafka"), ("universe", "acme/universe"),
            ("assets", "kafka-tgz=https://example.org/kafka-{{version}}.tgz\n\n  cli.binaries.linux.x86-64=https://example.org/dcos-kafka\n"));

        var (request, universe, problem) = BumpMode.Request(inputs, new GitHubContext { Repository = RepositorySlug.Parse("acme/kafka") }, release);

        problem.Should().BeNull();
        inputs.Mode.Should().Be(ActionMode.Bump);
        universe.Should().Be(RepositorySlug.Parse("acme/universe"));
        request!.Name.Should().Be("kafka");
        request.Version.Should().Be("2.0.1");
        request.SourceRepository.Should().Be("acme/kafka");
        request.ReleaseUrl.Should().Be("https://github.com/acme/kafka/releases/tag/v2.0.1");
        request.Assets.Should().Equal("kafka-tgz=https://example.org/kafka-{{version}}.tgz", "cli.binaries.linux.x86-64=https://example.org/dcos-kafka");
    }

    [Fact]
    public void The_version_input_wins_over_the_tag()
    {
        var (request, _, _) = BumpMode.Request(Inputs(("package", "kafka"), ("universe", "acme/universe"), ("version", "2.0.1-1.0")),
            new GitHubContext(), new ReleaseEvent("release-7", null));

        request!.Version.Should().Be("2.0.1-1.0");
        new ReleaseEvent("release-7", null).Version.Should().BeNull("a tag that is no version is not taken for one");
        new ReleaseEvent("kafka-2.0.1", null).Version.Should().BeNull();
        new ReleaseEvent("2.0.1", null).Version.Should().Be("2.0.1");
        new ReleaseEvent("v", null).Version.Should().BeNull();
        new ReleaseEvent("V3", null).Version.Should().Be("3");
    }

    [Theory]
    [InlineData("", "acme/universe", "", "input `package`")]
    [InlineData("kafka", "", "", "input `universe`")]
    [InlineData("kafka", "not a slug", "", "input `universe`:")]
    [InlineData("kafka", "acme/universe", "", "input `version`, or a release event")]
    public void Missing_inputs_are_named(string package, string universe, string version, string message)
    {
        var (request, _, problem) = BumpMode.Request(Inputs(("package", package), ("universe", universe), ("version", version)), new GitHubContext(), new ReleaseEvent(null, null));

        request.Should().BeNull();
        problem.Should().Contain(message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"release": "v1"}""")]
    [InlineData("""{"release": {"tag_name": 7, "html_url": ["x"]}}""")]
    [InlineData("""{"pull_request": {}}""")]
    public void An_event_without_a_usable_release_gives_nothing(string json) =>
        ReleaseEvent.Read(Event(json)).Should().Be(new ReleaseEvent(null, null));

    [Fact]
    public async Task Bump_mode_without_its_inputs_fails_the_step_saying_which()
    {
        var log = new StringWriter();
        var environment = ProcessEnvironment.Of(new Dictionary<string, string>
        {
            ["INPUT_MODE"] = "bump",
            ["INPUT_UNIVERSE"] = "acme/universe",
            ["GITHUB_WORKSPACE"] = _folder,
        });

        var code = await new ActionRunner(environment, log).RunAsync();

        code.Should().Be(ExitCodes.Failure);
        log.ToString().Should().Contain("::error title=Bump::bump mode needs input `package`");
    }
}
