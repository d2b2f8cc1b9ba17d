namespace Pipeline.Action.Tests.Release;

/// <summary>notes.sh: the release text names this repository and version in every line a user copies.</summary>
public sealed class NotesTests
{
    [Fact]
    public async Task TheNotesGiveTheExactLinesForThisRepositoryAndVersion()
    {
        var result = await ReleaseScript.RunAsync("notes.sh", ["Acme-Corp/Universe.Fork", "1.4.0"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("    uses: Acme-Corp/Universe.Fork/.github/workflows/universe.yml@v1.4.0\n")
            .And.Contain("`@v1` to follow")
            .And.Contain("      - uses: Acme-Corp/Universe.Fork@v1.4.0\n")
            .And.Contain("docker pull ghcr.io/acme-corp/universe.fork:1.4.0\n")
            .And.Contain("gh release download v1.4.0 --repo Acme-Corp/Universe.Fork --pattern '*.nupkg'\n")
            .And.Contain("dotnet tool install --global Universe.Pipeline --version 1.4.0 --add-source .\n")
            .And.Contain("sha256sum -c SHA256SUMS --ignore-missing\n");
    }
}
