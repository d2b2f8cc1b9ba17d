using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests.Release;

/// <summary>version.sh: the release's versions from its tag, and which floating tags move.</summary>
public sealed class VersionTagTests
{
    [Theory]
    [InlineData("v1.2.3", "1.2.3", "1.2", "1", "false", "1.2 1")]
    [InlineData("v0.10.0", "0.10.0", "0.10", "0", "false", "0.10 0")]
    [InlineData("v2.0.0-rc.1", "2.0.0-rc.1", "2.0", "2", "true", "")]
    public async Task AReleaseTagGivesItsVersions(string tag, string version, string minor, string major, string prerelease, string aliases)
    {
        using var repository = new GitRepository();

        var result = await ReleaseScript.RunAsync("version.sh", [tag], repository.Root);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Be($"version={version}\nminor={minor}\nmajor={major}\nprerelease={prerelease}\naliases={aliases}\n");
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("v1.2.3.4")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-beta")]
    [InlineData("v1.2.3-rc.0")]
    [InlineData("main")]
    [InlineData("v1.2.3\nversion=9.9.9")]
    public async Task AnyOtherTagIsRefusedByName(string tag)
    {
        var result = await ReleaseScript.RunAsync("version.sh", [tag]);

        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty("nothing reaches GITHUB_OUTPUT");
        result.Error.Should().Contain($"'{tag}' is not a release tag").And.Contain("vX.Y.Z");
    }

    [Theory]
    [InlineData("v1.2.1", "1.2")]        // a patch to an older line: v1 stays on 1.3.0
    [InlineData("v1.3.1", "1.3 1")]      // 1.4.0-rc.1 is only a pre-release
    [InlineData("v1.1.5", "")]           // 1.1.7 is newer in its own line too
    [InlineData("v2.0.0", "2.0 2")]
    public async Task AFloatingTagOnlyMovesForward(string tag, string aliases)
    {
        using var repository = new GitRepository();
        repository.Commit("first");
        foreach (var existing in new[] { "v1.1.7", "v1.2.0", "v1.3.0", "v1.4.0-rc.1", "v1", "v1.3" }) repository.Git("tag", existing);

        var result = await ReleaseScript.RunAsync("version.sh", [tag], repository.Root);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().EndWith($"aliases={aliases}\n");
    }
}
