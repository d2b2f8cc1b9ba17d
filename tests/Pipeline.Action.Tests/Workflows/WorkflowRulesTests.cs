namespace Pipeline.Action.Tests.Workflows;

/// <summary>The workflows keep the hardening rules; the checker itself is tried on bad text first.</summary>
public sealed class WorkflowRulesTests
{
    /// <summary>Per workflow file and job, the scopes it may write; every other job reads only.</summary>
    internal static readonly Dictionary<string, Dictionary<string, string[]>> Writes = new(StringComparer.Ordinal)
    {
        ["ci.yml"] = new(),
        // Only the job that pushes the image holds packages write, only the one that tags and
        // makes the release holds contents write.
        ["release.yml"] = new() { ["image"] = ["packages"], ["release"] = ["contents"] },
        ["pr.yml"] = new() { ["same-repository"] = ["pull-requests", "issues", "checks"] },
        ["report.yml"] = new() { ["report"] = ["pull-requests", "issues", "checks"] },
        ["publish.yml"] = new() { ["publish"] = ["contents", "pages", "id-token"] },
        ["universe.yml"] = new()
        {
            ["pull-request"] = ["pull-requests", "issues", "checks"],
            ["code-scanning"] = ["security-events"],
            ["publish"] = ["contents", "pages", "id-token"],
        },
    };

    private static readonly Dictionary<string, string[]> PullRequestJob = new() { ["pr"] = ["pull-requests"] };

    private const string Good = """
        name: Good
        on: pull_request
        permissions: {}
        jobs:
          pr:
            runs-on: ubuntu-latest
            permissions:
              contents: read
              pull-requests: write
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                with:
                  persist-credentials: false
              - uses: ./
              - env:
                  TITLE: ${{ github.event.pull_request.title }}
                run: echo "$TITLE"
        """;

    [Fact]
    public void AWorkflowKeepingTheRulesPasses() =>
        WorkflowRules.Check("good.yml", Good, PullRequestJob).Should().BeEmpty();

    [Theory]
    [InlineData("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4", "not pinned")]
    [InlineData("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "without its version")]
    [InlineData("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@11bd719 # v4.2.2", "not pinned")]
    [InlineData("persist-credentials: false", "persist-credentials: true", "persist-credentials")]
    [InlineData("contents: read", "contents: write", "`contents: write`")]
    [InlineData("permissions: {}", "permissions: write-all", "workflow-level permissions")]
    [InlineData("permissions: {}", "permissions:\n  pages: write", "`pages: write`")]
    [InlineData("    permissions:\n      contents: read\n      pull-requests: write\n", "", "no job-level permissions")]
    [InlineData("run: echo \"$TITLE\"", "run: echo \"${{ github.event.pull_request.title }}\"", "github.event.pull_request.title")]
    [InlineData("run: echo \"$TITLE\"", "run: echo ${{secrets.TOKEN}} | login", "secrets.TOKEN")]
    [InlineData("run: echo \"$TITLE\"", "run: git checkout ${{ github.head_ref }}", "github.head_ref")]
    [InlineData("run: echo \"$TITLE\"", "run: bash release.sh ${{ github.ref_name }}", "github.ref_name")]
    [InlineData("run: echo \"$TITLE\"", "run: bash release.sh ${{ needs.version.outputs.version }}", "needs.version.outputs.version")]
    [InlineData("run: echo \"$TITLE\"", "run: bash binary.sh ${{ matrix.rid }}", "matrix.rid")]
    public void ABrokenRuleIsReported(string good, string bad, string expected)
    {
        var yaml = Good.Replace(good, bad, StringComparison.Ordinal);
        yaml.Should().NotBe(Good, "the seeded change must apply");

        WorkflowRules.Check("bad.yml", yaml, PullRequestJob).Should().ContainSingle().Which.Should().Contain(expected);
    }

    [Fact]
    public void EveryWorkflowOfThisRepositoryKeepsTheRules()
    {
        var folder = Path.Combine(Pipeline.Testing.RepositoryFolders.Root, ".github", "workflows");
        var files = Directory.GetFiles(folder, "*.yml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        files.Should().BeEquivalentTo(Writes.Keys, "every workflow has an allow-list of writes here");

        var problems = files.SelectMany(f => WorkflowRules.Check(f, File.ReadAllText(Path.Combine(folder, f)), Writes[f])).ToList();

        string.Join("\n", problems).Should().BeEmpty("every rule is kept in every workflow");
    }
}
