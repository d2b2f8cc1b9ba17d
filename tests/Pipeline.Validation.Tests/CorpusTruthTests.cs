using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing;

namespace Pipeline.Validation.Tests;

/// <summary>
/// The published Universe installs: a rule that fires there is suspect. Every error validate
/// reports on the corpus is a genuine defect, listed with its justification in
/// CorpusErrors.txt; anything merely unusual is a warning.
/// </summary>
public sealed class CorpusTruthTests
{
    [CorpusFact]
    public void ReportsExactlyTheKnownGenuineDefects()
    {
        var expected = File.ReadAllLines(Path.Combine(RepositoryFolders.Root, "tests", "Pipeline.Validation.Tests", "CorpusErrors.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" -- ")[0].Trim())
            .ToArray();

        var report = TreeValidator.Validate(PackageTreeReader.Read(SharedCorpus.Repository));

        report.Diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => $"{d.Code} {d.File}:{d.Line}:{d.Column}")
            .Should().BeEquivalentTo(expected);
        report.RevisionCount.Should().Be(970);
    }

    [CorpusFact]
    public void WarnsOnlyAboutWhatIsUnusual()
    {
        var report = TreeValidator.Validate(PackageTreeReader.Read(SharedCorpus.Repository));

        // The codes the corpus is known to trip as warnings; a new one needs a look before it is added.
        report.Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.Code).Distinct()
            .Should().BeSubsetOf(["UNI006", "UNI203", "UNI207", "UNI209", "UNI301", "UNI305"]);
    }
}
