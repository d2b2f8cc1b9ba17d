using Pipeline.Cli.Versioning;

namespace Pipeline.Cli.Tests.Versioning;

public sealed class UniverseBuildTests
{
    [Fact]
    public void TheCommitIsWhatFollowsThePlusOfTheInformationalVersion()
    {
        var build = UniverseBuild.Of("1.2.3-rc.1+0123abcd", "single-file");

        build.Version.Should().Be("1.2.3-rc.1");
        build.Commit.Should().Be("0123abcd");
        build.Flavour.Should().Be("single-file");
    }

    [Fact]
    public void WhatTheBuildDidNotRecordIsUnknown()
    {
        UniverseBuild.Of("1.2.3", flavour: null).Should().Match<UniverseBuild>(b => b.Version == "1.2.3" && b.Commit == "unknown" && b.Flavour == "unknown");
        UniverseBuild.Of("1.2.3+", "").Should().Match<UniverseBuild>(b => b.Commit == "unknown" && b.Flavour == "unknown");
        UniverseBuild.Of(null, null).Version.Should().Be("unknown");
    }

    [Fact]
    public void TheLinesNameEachFieldFirst()
    {
        var build = new UniverseBuild("1.0.0", "abc", "tool", ".NET 10.0.1", "linux-arm64");

        build.Lines().Should().Equal("universe 1.0.0", "commit abc", "flavour tool", "runtime .NET 10.0.1 linux-arm64");
    }
}
