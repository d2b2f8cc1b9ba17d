using System.Text.Json.Nodes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pipeline.Action.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests;

/// <summary>
/// A pull request that adds a new revision of an existing package gets, in its sticky comment and
/// job summary, what changes for that package's operators: the rendered descriptors' diff.
/// </summary>
public sealed class OperatorDiffCommentTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Config = """
        {"type": "object", "properties": {"service": {"type": "object", "properties": {
          "name": {"type": "string", "default": "kafka"}, "cpus": {"type": "number", "default": 1}}}}}
        """;

    /// <summary>main with kafka 0 released (1.2.0); the feature branch adds kafka 1 (1.3.0) with <paramref name="marathon"/>.</summary>
    private static (GitRepository Repository, string Base, string Head) NewRevision(string marathon, string? config = null)
    {
        var repository = new GitRepository();
        repository.Package("kafka", 0, "1.2.0")
            .Write("packages/K/kafka/0/config.json", Config)
            .Write("packages/K/kafka/0/marathon.json.mustache", """{"id": "{{service.name}}", "cpus": {{service.cpus}}}""");
        var baseSha = repository.Commit("kafka 0");
        repository.Branch("feature");
        repository.Package("kafka", 1, "1.3.0")
            .Write("packages/K/kafka/1/config.json", config ?? Config)
            .Write("packages/K/kafka/1/marathon.json.mustache", marathon);
        return (repository, baseSha, repository.Commit("kafka 1"));
    }

    [RecordedEventFact]
    public async Task TheCommentAndTheSummaryShowTheRenderedDiffInACollapsedSection()
    {
        var (repository, baseSha, headSha) = NewRevision("""{"id": "{{service.name}}", "cpus": {{service.cpus}}, "instances": 3}""");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject.Body;
        const string expected = """
            ```diff
            --- marathon.json (revision 0, version 1.2.0)
            +++ marathon.json (revision 1, version 1.3.0)
            @@ -1,4 +1,5 @@
             {
               "id": "kafka",
            -  "cpus": 1
            +  "cpus": 1,
            +  "instances": 3
             }
            ```
            """;
        comment.Should().Contain("<details><summary>What changes for operators of <code>kafka</code> <code>1.2.0</code> → <code>1.3.0</code> (revision 0 → 1)</summary>")
            .And.Contain(expected.Replace("\r", ""));
        File.ReadAllText(run.SummaryPath).Should().Contain(expected.Replace("\r", ""));
        var report = ReportFile.Read(run.Outputs()["report"], out var problem);
        problem.Should().BeNull();
        report!.DescriptorDiffs.Should().ContainSingle().Which.Descriptors.Should().ContainSingle().Which.Diff.Should().StartWith("--- marathon.json (revision 0, version 1.2.0)\n");
    }

    [RecordedEventFact]
    public async Task AHugeDescriptorKeepsTheCommentBounded()
    {
        // 1,500 new lines of about 100 characters: within the diff's edit budget, far beyond the comment's room.
        var entries = string.Join(", ", Enumerable.Range(0, 1_500).Select(i => $"\"K{i}\": \"{{{{service.name}}}}-{new string('v', 80)}-{i}\""));
        var (repository, baseSha, headSha) = NewRevision($$$"""{"id": "{{service.name}}", "env": { {{{entries}}} } }""");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);

        (await run.RunAsync()).Should().Be(ExitCodes.Success, run.Log);

        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject.Body;
        comment.Length.Should().BeLessThan(OperatorDiffMarkdown.TotalChars + 5_000);
        comment.Should().MatchRegex(@"\n… \d+ more lines\n").And.Contain("The diff is cut here; the report file");
        Markdown.Parse(comment, GitHubLike).Descendants<FencedCodeBlock>().Should().ContainSingle("the cut block is closed");
    }

    [RecordedEventFact]
    public async Task PackageTextInTheRenderedDiffStaysInertInTheCommentAndTheLog()
    {
        var config = Config.Replace("\"default\": \"kafka\"", "\"default\": \"```\\n@someone <script>alert(1)</script>\\n::error::forged\"");
        var (repository, baseSha, headSha) = NewRevision("""
            {"id": "{{service.name}}", "cpus": {{service.cpus}}}
            """, config);
        // The new default reaches no operator (they keep the old name); a new field shows it.
        repository.Write("packages/K/kafka/1/marathon.json.mustache", "{\"id\": \"{{service.name}}\", \"cpus\": {{service.cpus}}, \"note\": \"```\\n@someone <script>alert(1)</script>\\n::error::forged\"}");
        headSha = repository.Commit("kafka 1: a hostile note");
        await using var run = await ActionRun.StartAsync(repository);
        run.PullRequestEvent(7, baseSha, headSha);

        await run.RunAsync();

        var comment = run.GitHub.Comments(7).Should().ContainSingle().Subject.Body;
        var document = Markdown.Parse(comment, GitHubLike);
        document.Descendants<FencedCodeBlock>().Should().ContainSingle().Which.Lines.ToString()
            .Should().Contain("\"note\": \"```\\n@someone <script>alert(1)</script>\\n::error::forged\"");
        string.Join("\n", document.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Should().NotContain("@someone");
        document.Descendants<HtmlBlock>().Should().OnlyContain(h => !h.Lines.ToString().Contains("<script>", StringComparison.Ordinal));
        run.Log.Should().NotContain("::error::forged");
    }

    [Fact]
    public void AReportFileCarriesTheDiffsAndReportModeChecksTheirShape()
    {
        using var folder = new GitRepository(); // a real temp folder, removed after
        var report = new ActionReport
        {
            HeadSha = "0123456789abcdef0123456789abcdef01234567",
            DescriptorDiffs = [new ReportedRevisionDiff("kafka", 0, "1.2.0", 1, "1.3.0", [new ReportedDescriptorDiff("marathon.json", "--- a\n+++ b\n", null, false)])],
        };
        var good = Path.Combine(folder.Root, "good.json");
        File.WriteAllText(good, report.ToJson());
        var json = JsonNode.Parse(report.ToJson())!;
        json["descriptorDiffs"]![0]!["descriptors"]![0]!["identical"] = "no";
        var bad = Path.Combine(folder.Root, "bad.json");
        File.WriteAllText(bad, json.ToJsonString());

        ReportFile.Read(good, out var none)!.DescriptorDiffs.Should().BeEquivalentTo(report.DescriptorDiffs);
        none.Should().BeNull();
        ReportFile.Read(bad, out var problem).Should().BeNull();
        problem.Should().Be("the report file's field `descriptorDiffs[0].descriptors[0].identical` must be true or false");
    }
}
