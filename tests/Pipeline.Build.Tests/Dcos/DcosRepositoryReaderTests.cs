using System.Text;
using System.Text.Json;
using Pipeline.Build.Dcos;
using Pipeline.Build.Tests.Support;
using Pipeline.Packages.Settings;
using Pipeline.Testing;
using Pipeline.Testing.Json;

namespace Pipeline.Build.Tests.Dcos;

/// <summary>A DC/OS repository file read back into revisions builds to the same files again.</summary>
public sealed class DcosRepositoryReaderTests
{
    private static readonly RepositorySettings Settings = new() { Name = "public" };

    private static DcosRepositoryRead Read(string json) => DcosRepositoryReader.Read(Encoding.UTF8.GetBytes(json), "test", Settings);

    private static BuildResult Build(DcosRepositoryRead read) => RepositoryBuilder.Build(read.Tree!, new BuildOptions { MaxDegreeOfParallelism = 1 });

    [CorpusFact]
    public void Universe_s_universe_json_builds_to_each_of_Universe_s_release_files()
    {
        using var universe = ReferenceRepository.ReadJson("universe");
        var read = DcosRepositoryReader.Read(Encoding.UTF8.GetBytes(universe.RootElement.GetRawText()), "universe.json", Settings);
        read.LeftOutCount.Should().Be(0, string.Join("; ", read.LeftOut));
        var built = Build(read);

        foreach (var release in DcosRepositoryFormat.Releases)
        {
            using var reference = ReferenceRepository.ReadJson($"repo-up-to-{release.Version}");
            using var ours = JsonDocument.Parse(built.GetBytes(release.RepositoryFileName));
            var expected = ReferenceRepository.SortedPackages(reference);
            var actual = ours.RootElement.GetProperty("packages");
            actual.GetArrayLength().Should().Be(expected.Count, release.RepositoryFileName);
            for (var i = 0; i < expected.Count; i++)
            {
                JsonComparison.FirstDifference(expected[i], actual[i], $"{release.RepositoryFileName} $.packages[{i}]").Should().BeNull();
            }
        }
    }

    [Fact]
    public void Members_the_build_would_not_write_back_stay_in_package_json()
    {
        const string package = """
            {"packagingVersion": "4.0", "name": "alpha", "version": "1", "releaseVersion": 2, "config": {},
             "marathon": {"v2AppMustacheTemplate": "e30=", "extra": 1}, "resource": {"images": {}}}
            """;
        var built = Build(Read($$"""{"packages": [{{package}}]}"""));

        using var expected = JsonDocument.Parse(package);
        using var ours = JsonDocument.Parse(built.GetBytes("universe.json"));
        var actual = ours.RootElement.GetProperty("packages")[0];
        actual.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(expected.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var member in expected.RootElement.EnumerateObject())
        {
            JsonComparison.FirstDifference(member.Value, actual.GetProperty(member.Name), member.Name).Should().BeNull();
        }
    }

    [Fact]
    public void The_template_is_decoded_into_marathon_json_mustache()
    {
        var read = Read("""{"packages": [{"name": "alpha", "version": "1", "releaseVersion": 0, "marathon": {"v2AppMustacheTemplate": "eyJpZCI6ICJ7e25hbWV9fSJ9"}}]}""");

        var file = read.Tree!.Revisions.Single().MarathonTemplate!;
        Encoding.UTF8.GetString(file.Content.Span).Should().Be("""{"id": "{{name}}"}""");
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("""{"packages": {"name": "alpha"}}""", "no `packages` array")]
    [InlineData("""{"other": []}""", "no `packages` array")]
    public void A_file_that_is_not_a_repository_is_rejected(string json, string problem)
    {
        var read = Read(json);

        read.Tree.Should().BeNull();
        read.Rejected.Should().Contain(problem);
    }

    [Fact]
    public void Packages_that_cannot_be_read_back_are_left_out_and_named_and_the_rest_kept()
    {
        var read = Read("""
            {"packages": [
              {"name": "good", "version": "1", "releaseVersion": 0},
              {"version": "1", "releaseVersion": 0},
              "text",
              {"name": "../etc", "releaseVersion": 0},
              {"name": "noversion"},
              {"name": "bad64", "releaseVersion": 1, "marathon": {"v2AppMustacheTemplate": "@@not base64@@"}},
              {"name": "good", "version": "again", "releaseVersion": 0}
            ]}
            """);

        read.Tree!.Revisions.Select(r => r.Name).Should().Equal("good");
        read.LeftOut.Should().Equal(
            "packages[1]: no `name`",
            "packages[2]: not a JSON object",
            "packages[3]: `../etc` is not a package name",
            "packages[4]: `noversion` has no `releaseVersion` (a whole number)",
            "packages[5]: `bad64` release 1: marathon.v2AppMustacheTemplate is not base64",
            "packages[6]: `good` release 0 is listed twice");
    }

    [Fact]
    public void Problems_listed_are_bounded_but_all_are_counted()
    {
        var packages = string.Join(", ", Enumerable.Repeat("{}", 1000));

        var read = Read($$"""{"packages": [{{packages}}]}""");

        read.LeftOut.Should().HaveCount(DcosRepositoryReader.MaxReportedProblems);
        read.LeftOutCount.Should().Be(1000);
    }
}
