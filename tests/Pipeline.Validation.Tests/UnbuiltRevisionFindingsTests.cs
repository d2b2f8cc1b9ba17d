using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Validation.Tests;

/// <summary>The build names the file that stopped a revision; validation says what is wrong with it, in its own words.</summary>
public sealed class UnbuiltRevisionFindingsTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private Packages.Model.PackageRevision Scanned() =>
        PackageTreeReader.Read(_tree.Root, new TreeReaderOptions { LoadContent = false }).Revisions.Single();

    [Fact]
    public void AMalformedFileGetsValidationsFindingAtItsPosition()
    {
        var folder = _tree.Revision();
        _tree.Write($"{folder}/package.json", "{\n  \"name\": \"sample\",\n  \"version\": \"4.0.0\",\n}\n");

        var findings = UnbuiltRevisionFindings.For(Scanned(), "package.json", new RepositorySettings());

        var finding = findings.Should().ContainSingle().Subject;
        finding.Code.Should().Be(RuleCatalog.MalformedJson.Code);
        finding.File.Should().Be($"{folder}/package.json");
        finding.Line.Should().Be(3);
        finding.Message.Should().Contain("trailing comma");
    }

    [Fact]
    public void InvalidUtf8IsReportedAsSuch()
    {
        var folder = _tree.Revision();
        _tree.Write($"{folder}/config.json", [.. "{\"a\": \""u8, 0xFF, .. "\"}"u8]);

        var findings = UnbuiltRevisionFindings.For(Scanned(), "config.json", new RepositorySettings());

        findings.Select(f => (f.Code, f.File)).Should().Equal((RuleCatalog.InvalidUtf8.Code, $"{folder}/config.json"));
    }

    [Fact]
    public void APackageJsonThatIsNotAnObjectIsAnError()
    {
        var folder = _tree.Revision();
        _tree.Write($"{folder}/package.json", "[1]");

        var findings = UnbuiltRevisionFindings.For(Scanned(), "package.json", new RepositorySettings());

        findings.Should().ContainSingle().Which.Message.Should().Contain("must be a JSON object");
    }

    [Fact]
    public void AFileThatCannotBeReadIsUnreadable()
    {
        var folder = _tree.Revision();
        var scanned = Scanned();
        File.Delete(Path.Combine(_tree.Root, folder, "package.json"));

        var findings = UnbuiltRevisionFindings.For(scanned, "package.json", new RepositorySettings());

        findings.Select(f => (f.Code, f.File)).Should().Equal((RuleCatalog.UnreadableFile.Code, $"{folder}/package.json"));
    }

    [Fact]
    public void AMissingPackageJsonIsLeftToTheTreeReader()
    {
        _tree.Write("packages/S/sample/0/config.json", "{}");

        UnbuiltRevisionFindings.For(Scanned(), "package.json", new RepositorySettings()).Should().BeEmpty();
    }
}
