using System.Text.Json;
using Pipeline.Build;
using Pipeline.Build.Dcos;
using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;
using Pipeline.Mirroring.Downloads;
using Pipeline.Mirroring.Mirror;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Repositories.Sources;
using Pipeline.Testing;
using Pipeline.Testing.Json;
using Pipeline.Testing.StaticFiles;
using Pipeline.Validation;
using Xunit.Abstractions;

namespace Pipeline.Mirroring.Tests.Mirror;

/// <summary>
/// The done-when of mirroring a DC/OS repository: Universe's own universe.json of the corpus,
/// served over HTTP, mirrored whole into a tree that builds back to the same universe.json and
/// repo-up-to-*.json files (as JSON, packages as a multiset) and validates no worse than the tree
/// Universe built it from.
/// </summary>
public sealed class DcosRoundTripTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _target = Directory.CreateTempSubdirectory("universe-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_target, recursive: true);

    [CorpusFact]
    public async Task TheReferenceUniverseMirrorsIntoATreeThatRebuildsToTheSameRepositoryFiles()
    {
        await using var server = await StaticFileServer.StartAsync();
        var url = server.Add("universe.json", ReferenceRepository.ReadBytes("universe"), ReferenceRepository.MediaType("universe"));
        using var http = new HttpClient();

        var source = await MirrorSource.OpenAsync(url.AbsoluteUri, new ContentFetcher(http));
        var report = await new PackageMirror(new VerifiedDownloader(http)).RunAsync(source, new MirrorRequest { Target = _target, All = true });
        var rebuilt = RepositoryBuilder.Build(PackageTreeReader.Read(_target), new BuildOptions { MaxDegreeOfParallelism = 1 });

        report.Problems.Should().BeEmpty();
        report.Mirrored.Should().HaveCount(970);
        rebuilt.Unbuilt.Should().BeEmpty();
        foreach (var stem in new[] { "universe" }.Concat(DcosRepositoryFormat.Releases.Select(r => $"repo-up-to-{r.Version}")))
        {
            using var reference = ReferenceRepository.ReadJson(stem);
            using var ours = JsonDocument.Parse(rebuilt.GetBytes(stem + ".json"));
            Differences(ReferenceRepository.SortedPackages(reference), ReferenceRepository.SortedPackages(ours))
                .Should().BeEmpty($"{stem}.json rebuilt from the mirror must equal Universe's");
        }
        var corpusErrors = Errors(TreeValidator.Validate(PackageTreeReader.Read(SharedCorpus.Repository)));
        var mirrorErrors = Errors(report.Validation!);
        output.WriteLine($"validation errors: corpus tree {corpusErrors.Length}, mirrored tree {mirrorErrors.Length}");
        foreach (var error in mirrorErrors) output.WriteLine(error);
        mirrorErrors.Length.Should().BeLessThanOrEqualTo(corpusErrors.Length,
            $"the mirror must not validate worse than the tree it came from; mirror: {string.Join("; ", mirrorErrors.Take(10))}");
    }

    private static string[] Errors(ValidationReport report) =>
        [.. report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString())];

    private static List<string> Differences(List<JsonElement> expected, List<JsonElement> actual)
    {
        var differences = new List<string>();
        if (expected.Count != actual.Count) differences.Add($"expected {expected.Count} packages, got {actual.Count}");
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            var label = $"{expected[i].GetProperty("name").GetString()} {expected[i].GetProperty("releaseVersion")}";
            if (JsonComparison.FirstDifference(expected[i], actual[i], label) is { } difference) differences.Add(difference);
        }
        return differences;
    }
}
