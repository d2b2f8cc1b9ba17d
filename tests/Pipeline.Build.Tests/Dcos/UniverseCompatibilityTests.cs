using System.Text.Json;
using Pipeline.Testing.Json;
using Pipeline.Build.Dcos;
using Pipeline.Build.Tests.Support;
using Pipeline.Testing;

namespace Pipeline.Build.Tests.Dcos;

/// <summary>
/// The headline promise: from the real Universe tree we build the same DC/OS repository files as
/// Universe's own build (its outputs for exactly this tree are in ../shared/corpus/reference).
/// </summary>
public sealed class UniverseCompatibilityTests(CorpusBuild build) : IClassFixture<CorpusBuild>
{
    public static TheoryData<string> RepositoryFiles { get; } = new(
        ["universe", "repo-empty-v3", .. DcosRepositoryFormat.Releases.Select(r => $"repo-up-to-{r.Version}")]);

    public static TheoryData<string> Releases { get; } = new(DcosRepositoryFormat.Releases.Select(r => r.Version));

    [CorpusTheory]
    [MemberData(nameof(RepositoryFiles))]
    public void Repository_file_equals_Universe_s_as_JSON(string stem)
    {
        using var reference = ReferenceRepository.ReadJson(stem);
        using var ours = JsonDocument.Parse(build.Result.GetBytes(stem + ".json"));

        ours.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("packages");
        var difference = FirstDifference(ReferenceRepository.SortedPackages(reference), ours.RootElement.GetProperty("packages"));
        difference.Should().BeNull($"{stem}.json must equal Universe's as JSON");
    }

    [CorpusTheory]
    [MemberData(nameof(RepositoryFiles))]
    public void Content_type_file_equals_Universe_s(string stem)
    {
        build.Result.GetBytes(stem + ".content_type").Should().Equal(ReferenceRepository.ReadContentType(stem));
    }

    [CorpusTheory]
    [MemberData(nameof(Releases))]
    public void Per_package_files_split_the_release_s_repository_file_by_package(string release)
    {
        using var reference = ReferenceRepository.ReadJson($"repo-up-to-{release}");
        var expected = ReferenceRepository.SortedPackages(reference)
            .GroupBy(p => p.GetProperty("name").GetString()!, StringComparer.Ordinal)
            .ToList();
        var folder = $"{release}/package/";

        build.Result.Files.Select(f => f.Path).Where(p => p.StartsWith(folder, StringComparison.Ordinal))
            .Should().Equal(expected.Select(g => $"{folder}{g.Key}.json").Order(StringComparer.Ordinal));
        foreach (var package in expected)
        {
            using var ours = JsonDocument.Parse(build.Result.GetBytes($"{folder}{package.Key}.json"));
            FirstDifference([.. package], ours.RootElement.GetProperty("packages"))
                .Should().BeNull($"{folder}{package.Key}.json must hold the package's entries of repo-up-to-{release}.json");
        }
    }

    private static string? FirstDifference(List<JsonElement> expected, JsonElement actual)
    {
        var count = actual.GetArrayLength();
        for (var i = 0; i < Math.Min(expected.Count, count); i++)
        {
            var label = $"$.packages[{i}] ({expected[i].GetProperty("name").GetString()} {expected[i].GetProperty("releaseVersion")})";
            var difference = JsonComparison.FirstDifference(expected[i], actual[i], label);
            if (difference is not null) return difference;
        }
        return expected.Count == count ? null : $"$.packages: expected {expected.Count} packages, got {count}";
    }
}
