using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Upgrades;
using Pipeline.Packages.Reading;
using Pipeline.Testing;
using Xunit.Abstractions;

namespace Pipeline.Changes.Tests.Upgrades;

/// <summary>
/// Every consecutive pair of revisions in the real Universe corpus, diffed as a pull request adding
/// the later one would be: each gives an outcome (identical, a diff, or a one-line reason), and the
/// counts are printed for the note.
/// </summary>
public sealed class CorpusDescriptorDiffTests(ITestOutputHelper output)
{
    [CorpusFact]
    public void EveryConsecutivePairOfTheCorpusGetsAnOutcome()
    {
        var tree = PackageTreeReader.Read(SharedCorpus.Repository);
        int pairs = 0, identical = 0, changed = 0, problems = 0, tooDifferent = 0, longest = 0;
        foreach (var package in tree.Packages())
        {
            var revisions = package.OrderBy(r => r.ReleaseVersion).ToArray();
            for (var i = 1; i < revisions.Length; i++)
            {
                var (previous, next) = (revisions[i - 1], revisions[i]);
                var letter = package.Key[..1].ToUpperInvariant();
                var pair = new UpgradePair(new RevisionLocation(letter, package.Key, previous.ReleaseVersion), previous, new RevisionLocation(letter, package.Key, next.ReleaseVersion), next);

                var diff = DescriptorDiffs.Of(pair);

                pairs++;
                foreach (var d in diff.Descriptors)
                {
                    (d.Identical ? d.UnifiedDiff is null && d.Problem is null : d.UnifiedDiff is not null ^ d.Problem is not null).Should().BeTrue($"{pair.Name} {previous.ReleaseVersion} → {next.ReleaseVersion} {d.Name}: one outcome");
                    d.UnifiedDiff?.Should().StartWith($"--- {d.Name} (");
                    d.Problem?.Should().NotContain("\n");
                    if (d.Identical) identical++;
                    else if (d.UnifiedDiff is { } text)
                    {
                        changed++;
                        longest = Math.Max(longest, text.Length);
                    }
                    else if (d.Problem!.StartsWith("the renderings are too different", StringComparison.Ordinal)) tooDifferent++;
                    else
                    {
                        problems++;
                        output.WriteLine($"{pair.Name} {previous.ReleaseVersion} → {next.ReleaseVersion} {d.Name}: {d.Problem}");
                    }
                }
            }
        }
        output.WriteLine($"{pairs} consecutive pairs; descriptors: {identical} identical, {changed} with a diff (longest {longest} characters), {tooDifferent} too different, {problems} that do not render on a side");
        pairs.Should().BeGreaterThan(800, "the corpus holds 850 such pairs");
        changed.Should().BeGreaterThan(0);
    }
}
