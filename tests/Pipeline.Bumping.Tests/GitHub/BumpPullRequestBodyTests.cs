using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Bumping.GitHub;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Bumping.Tests.GitHub;

public sealed class BumpPullRequestBodyTests
{
    private static string MetadataJson(string body)
    {
        var line = body.Split('\n').Single(l => l.StartsWith("<!-- universe-bump ", StringComparison.Ordinal));
        line.Should().EndWith(" -->");
        return line["<!-- universe-bump ".Length..^" -->".Length];
    }

    [Theory]
    [InlineData("1.0 --> <b>")]
    [InlineData("1.0 --!> <script>")]
    [InlineData("1.0\n-->")]
    [InlineData("1.0 ---> x")]
    public void A_version_cannot_close_the_metadata_comment_and_reads_back_unchanged(string version)
    {
        var body = BumpPullRequestBody.Build(BumpUniverse.Plan(version), BumpUniverse.Passed);

        var json = MetadataJson(body);
        json.Should().NotContain("--").And.NotContain(">").And.NotContain("<");
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("version").GetString().Should().Be(version);
        document.RootElement.GetProperty("package").GetString().Should().Be("kafka");
        // Elsewhere the version is shown in code spans only, where HTML and comments are inert.
        body.Should().Contain(MarkdownText.Code(version));
        Regex.Replace(body, "`+[^`]*`+", "").Should().NotContain("<b>").And.NotContain("<script>").And.NotContain("--!>");
        Regex.Count(Regex.Replace(body, "`+[^`]*`+", ""), "-->").Should().Be(2, "only the two comments the body writes end one");
    }

    [Fact]
    public void Repository_and_release_are_left_out_of_the_metadata_when_unknown()
    {
        var plan = BumpUniverse.Plan() with { SourceRepository = null, ReleaseUrl = null };

        MetadataJson(BumpPullRequestBody.Build(plan, BumpUniverse.Passed)).Should().Be("{\"package\":\"kafka\",\"version\":\"1.3.0\"}");
    }

    [Fact]
    public void Changes_cannot_mention_people_or_open_html_and_a_release_that_is_no_web_address_is_not_linked()
    {
        var plan = BumpUniverse.Plan() with
        {
            Changes = ["cc @acme/admins see #12 <details open>", "[click](javascript:alert(1))"],
            ReleaseUrl = "javascript:alert(1)",
        };

        var body = BumpPullRequestBody.Build(plan, null);

        body.Should().NotContain("@acme").And.NotContain("<details").And.NotContain("[click](").And.NotContain("<javascript");
        body.Should().Contain("`javascript:alert(1)`").And.Contain("Not validated.");
        BumpPullRequestBody.Title(plan).Should().Be("Bump kafka to 1.3.0");
    }
}
