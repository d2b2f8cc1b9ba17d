using Pipeline.Testing;

namespace Pipeline.Action.Tests.Release;

/// <summary>
/// image.sh, with a stand-in `docker` on PATH that records its arguments (building and pushing a
/// two-platform image needs a registry): what it tags, labels and attests.
/// </summary>
public sealed class ImageScriptTests : IDisposable
{
    private readonly string bin = Directory.CreateTempSubdirectory("pipeline-release-docker-").FullName;

    public ImageScriptTests()
    {
        // One argument per line, a blank line after each call; `buildx inspect` finds no builder.
        var docker = Path.Combine(bin, "docker");
        File.WriteAllText(docker, """
            #!/usr/bin/env bash
            printf '%s\n' "$@" "" >> "$(dirname "$0")/calls"
            [ "$1 $2" != "buildx inspect" ]
            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task AReleaseIsBuiltForBothPlatformsTaggedWithItsAliasesLabelledAndAttested()
    {
        var revision = Head();

        var build = await BuildCallAsync("1.2.0", revision, "1.2 1");

        build.Should().ContainInConsecutiveOrder("--platform", "linux/amd64,linux/arm64");
        Values(build, "--tag").Should().Equal("ghcr.io/acme-corp/universe.fork:1.2.0", "ghcr.io/acme-corp/universe.fork:1.2", "ghcr.io/acme-corp/universe.fork:1");
        Values(build, "--build-arg").Should().Equal("VERSION=1.2.0", $"SOURCE_REVISION={revision}");
        Values(build, "--label").Should().Contain([
            "org.opencontainers.image.source=https://github.com/Acme-Corp/Universe.Fork",
            $"org.opencontainers.image.revision={revision}",
            "org.opencontainers.image.version=1.2.0",
            "org.opencontainers.image.licenses=MIT",
        ]).And.Contain(l => l.StartsWith("org.opencontainers.image.created=", StringComparison.Ordinal));
        Values(build, "--annotation").Should().Contain("index:org.opencontainers.image.source=https://github.com/Acme-Corp/Universe.Fork");
        build.Should().Contain(["--provenance=mode=max", "--sbom=true", "--push"]);
        build[^1].Should().Be(".", "the context is the repository root, with its Dockerfile");
    }

    [Fact]
    public async Task APreReleaseGetsOnlyItsOwnTag()
    {
        var build = await BuildCallAsync("1.3.0-rc.1", Head(), "");

        Values(build, "--tag").Should().Equal("ghcr.io/acme-corp/universe.fork:1.3.0-rc.1");
    }

    /// <summary>The arguments of the `docker buildx build` call.</summary>
    private async Task<string[]> BuildCallAsync(string version, string revision, string aliases)
    {
        var path = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        var result = await ReleaseScript.RunAsync("image.sh", ["Acme-Corp/Universe.Fork", version, revision, aliases], environment: new Dictionary<string, string> { ["PATH"] = path });
        result.ExitCode.Should().Be(0, result.ToString());
        var calls = File.ReadAllText(Path.Combine(bin, "calls")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('\n')).ToList();
        calls.Should().Contain(c => c.Take(2).SequenceEqual(new[] { "buildx", "create" }), "a fresh runner has no docker-container builder");
        return calls.Should().ContainSingle(c => c.Take(2).SequenceEqual(new[] { "buildx", "build" })).Subject;
    }

    private static IEnumerable<string> Values(string[] arguments, string option) =>
        arguments.Zip(arguments.Skip(1)).Where(p => p.First == option).Select(p => p.Second);

    private static string Head()
    {
        var repository = new Pipeline.Testing.Git.GitRepository(RepositoryFolders.Root);
        return repository.Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose() => Directory.Delete(bin, recursive: true);
}
