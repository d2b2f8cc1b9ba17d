using System.Text.RegularExpressions;
using Pipeline.Action.Tests.Workflows;
using Pipeline.Testing;

namespace Pipeline.Action.Tests.Release;

/// <summary>
/// A downstream universe adopts the pipeline with the README's one workflow file: at most 15
/// lines, calling the reusable workflow at a major tag the release workflow moves.
/// </summary>
public sealed partial class AdoptionSnippetTests
{
    [Fact]
    public void TheREADMEsAdoptionFileIsAtMost15LinesAndCallsAMajorTag()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFolders.Root, "README.md"));

        var snippet = AdoptionSnippet().Match(readme);

        snippet.Success.Should().BeTrue("the README shows the file a downstream universe adopts it with");
        var lines = snippet.Groups["yaml"].Value.TrimEnd('\n').Split('\n');
        lines.Length.Should().BeLessThanOrEqualTo(15);
        lines.Should().Contain($"    uses: {WorkflowRules.OwnAction}/.github/workflows/universe.yml@v1");
    }

    /// <summary>The first yaml block after the sentence that says a universe adopts it with one file.</summary>
    [GeneratedRegex(@"adopts it\s+with one file.*?```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex AdoptionSnippet();
}
