using Pipeline.Testing;
using Pipeline.Testing.Clocks;

namespace Pipeline.Bumping.Tests;

/// <summary>A real Universe package bumped in a copy: the new revision passes the pull-request rules.</summary>
public sealed class CorpusBumpTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("universe-bump-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [CorpusFact]
    public async Task Kafka_from_the_corpus_bumps_to_a_new_version_that_validates()
    {
        var package = Path.Combine(SharedCorpus.Packages, "K", "kafka");
        foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_root, "packages", "K", "kafka", Path.GetRelativePath(package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var assets = new OfflineAssets();

        var outcome = await Bumper.BumpAsync(new BumpRequest("kafka", "2.11.0-2.5.0"), _root, assets, new TimerClock());

        outcome.Status.Should().Be(BumpStatus.Written, outcome.Problem + "\n" + string.Join("\n", outcome.Validation?.Diagnostics ?? []));
        var plan = outcome.Plan!;
        plan.PreviousVersion.Should().Be("2.10.0-2.4.0");
        plan.Changes.Should().Contain("upgradesFrom adds 2.10.0-2.4.0");
        assets.Asked.Should().NotBeEmpty().And.OnlyContain(u => u.AbsoluteUri.Contains("2.11.0-2.5.0"));
        plan.Assets.Select(a => a.Url).Should().OnlyContain(u => assets.Asked.Any(x => x.AbsoluteUri == new Uri(u).AbsoluteUri), "every changed asset was downloaded");
        assets.Asked.Should().OnlyHaveUniqueItems("a URL used twice is fetched once");
        File.ReadAllText(Path.Combine(_root, plan.Directory, "package.json")).Should().Contain("\"version\": \"2.11.0-2.5.0\"");
    }
}
