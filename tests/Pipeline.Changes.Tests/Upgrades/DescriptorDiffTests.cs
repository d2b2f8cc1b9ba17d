using Pipeline.Changes.Git;
using Pipeline.Changes.Upgrades;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests.Upgrades;

/// <summary>
/// The rendered-descriptor diff of a pull request that adds revision 1 of kafka on top of the
/// released revision 0: both rendered with revision 0's operator options, as on `dcos package update`.
/// </summary>
public sealed class DescriptorDiffTests : IDisposable
{
    private const string Config = """
        {
          "type": "object",
          "properties": {
            "service": {
              "type": "object",
              "properties": {
                "name": {"type": "string", "default": "kafka"},
                "cpus": {"type": "number", "default": 1}
              }
            },
            "secret": {"type": "string"}
          },
          "required": ["secret"]
        }
        """;

    private const string Marathon = """
        {"id": "{{service.name}}", "cpus": {{service.cpus}}, "env": {"SECRET": "{{secret}}", "MEM": "{{service.mem}}"},
         "fetch": [{"uri": "{{resource.assets.uris.jar}}"}]}
        """;

    private readonly GitRepository _repo = new();

    public DescriptorDiffTests()
    {
        Revision(0, "1.2.0", Config, Marathon, "https://example.org/kafka-1.2.0.jar");
        _repo.Commit("base");
        _repo.Branch("pr");
    }

    public void Dispose() => _repo.Dispose();

    private void Revision(int revision, string version, string config, string marathon, string jar)
    {
        var folder = $"packages/K/kafka/{revision}";
        _repo.Package("kafka", revision, version)
            .Write($"{folder}/config.json", config)
            .Write($"{folder}/marathon.json.mustache", marathon)
            .Write($"{folder}/resource.json", "{\"assets\": {\"uris\": {\"jar\": \"" + jar + "\"}}}");
    }

    private RevisionDiff Diff()
    {
        _repo.Commit("pull request");
        var found = GitChangeReader.Read(_repo.Root, "main").Should().BeOfType<GitChangeResult.Found>().Subject;
        var result = ChangeValidation.Validate(_repo.Root, found.Changes, found.Base, []);
        return result.DescriptorDiffs.Should().ContainSingle().Subject;
    }

    [Fact]
    public void ANewDefaultDoesNotChangeWhatAnOperatorWhoKeptTheOldOneGets()
    {
        // cpus' default rises to 2, but an operator of revision 0 has cpus 1 and keeps it on update.
        Revision(1, "1.3.0", Config.Replace("\"default\": 1", "\"default\": 2"), Marathon, "https://example.org/kafka-1.2.0.jar");

        var diff = Diff();

        diff.Should().BeEquivalentTo(new { Package = "kafka", PreviousRevision = 0, PreviousVersion = "1.2.0", NextRevision = 1, NextVersion = "1.3.0", Identical = true });
        diff.Descriptors.Should().Equal(new DescriptorDiff("marathon.json", null, null, true));
    }

    [Fact]
    public void ANewOptionGetsItsNewDefaultUnderTheKeptOptions()
    {
        var config = Config.Replace("\"cpus\": {\"type\": \"number\", \"default\": 1}", "\"cpus\": {\"type\": \"number\", \"default\": 1}, \"mem\": {\"type\": \"integer\", \"default\": 2048}");
        Revision(1, "1.3.0", config, Marathon, "https://example.org/kafka-1.2.0.jar");

        var marathon = Diff().Descriptors.Should().ContainSingle().Subject;

        marathon.UnifiedDiff.Should().Be("""
            --- marathon.json (revision 0, version 1.2.0)
            +++ marathon.json (revision 1, version 1.3.0)
            @@ -3,7 +3,7 @@
               "cpus": 1,
               "env": {
                 "SECRET": "placeholder",
            -    "MEM": ""
            +    "MEM": "2048"
               },
               "fetch": [
                 {

            """.Replace("\r", ""));
    }

    [Fact]
    public void ResourceJsonIsMergedIntoTheContextOfEachSide()
    {
        Revision(1, "1.3.0", Config, Marathon, "https://example.org/kafka-1.3.0.jar");

        var text = Diff().Descriptors.Single().UnifiedDiff;

        text.Should().Contain("-      \"uri\": \"https://example.org/kafka-1.2.0.jar\"\n+      \"uri\": \"https://example.org/kafka-1.3.0.jar\"\n");
    }

    [Fact]
    public void TemplateWhitespaceIsNoDifferenceInJson()
    {
        Revision(1, "1.3.0", Config, Marathon.Replace(", ", ",\n   ").Replace("{\"id\"", "{\n  \"id\""), "https://example.org/kafka-1.2.0.jar");

        Diff().Identical.Should().BeTrue();
    }

    [Fact]
    public void ATemplateThatFailsToRenderIsToldInOneLine()
    {
        Revision(1, "1.3.0", Config, "{{#service}}{\"id\": \"x\"}", "https://example.org/kafka-1.2.0.jar");

        var marathon = Diff().Descriptors.Single();

        marathon.UnifiedDiff.Should().BeNull();
        marathon.Problem.Should().StartWith("revision 1 does not render: the template does not parse at line 1").And.NotContain("\n");
        marathon.Identical.Should().BeFalse();
    }

    [Fact]
    public void ADescriptorOnOneSideOnlyIsWhollyAddedOrRemoved()
    {
        Revision(1, "1.3.0", Config, Marathon, "https://example.org/kafka-1.2.0.jar");
        _repo.Write("packages/K/kafka/1/kubernetes.yaml.mustache", "name: {{service.name}}\nsecret: {{secret}}\n");

        var diff = Diff();

        diff.Descriptors.Select(d => d.Name).Should().Equal("marathon.json", "kubernetes.yaml");
        diff.Descriptors[1].UnifiedDiff.Should().Be("--- kubernetes.yaml (not in revision 0)\n+++ kubernetes.yaml (revision 1, version 1.3.0)\n@@ -0,0 +1,2 @@\n+name: kafka\n+secret: placeholder\n");
    }
}
