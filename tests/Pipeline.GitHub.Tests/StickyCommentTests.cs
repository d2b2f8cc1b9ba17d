using Pipeline.GitHub.Comments;
using Pipeline.GitHub.Identity;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class StickyCommentTests
{
    private static readonly Uri RunUrl = new("https://github.com/acme/universe/actions/runs/42");

    [Fact]
    public async Task FirstRunCreatesThenLaterRunsUpdateTheSameComment()
    {
        await using var gh = await TestGitHub.StartAsync();
        gh.State.AddComment(7, "LGTM from a human");
        var sticky = new StickyComment(gh.Client, gh.Retry);

        var first = await sticky.PublishAsync(gh.Repo, 7, "## Report\n1 error", RunUrl);
        var second = await sticky.PublishAsync(gh.Repo, 7, "## Report\nall good", RunUrl);
        var third = await sticky.PublishAsync(gh.Repo, 7, "## Report\nall good", RunUrl);

        first.Action.Should().Be(StickyCommentAction.Created);
        second.Action.Should().Be(StickyCommentAction.Updated);
        third.Action.Should().Be(StickyCommentAction.Unchanged);
        second.CommentId.Should().Be(first.CommentId);
        var comments = gh.State.Comments(7);
        comments.Should().HaveCount(2);
        comments.Should().ContainSingle(c => c.Body.StartsWith("<!-- universe-pipeline:report -->\n", StringComparison.Ordinal))
            .Which.Body.Should().EndWith("all good");
        gh.Server.RequestsTo("POST", "/repos/acme/universe/issues/7/comments").Should().HaveCount(1);
    }

    [Fact]
    public async Task TwoKeysKeepTwoSeparateComments()
    {
        await using var gh = await TestGitHub.StartAsync();

        await new StickyComment(gh.Client, gh.Retry, "validate").PublishAsync(gh.Repo, 3, "a", null);
        await new StickyComment(gh.Client, gh.Retry, "preview").PublishAsync(gh.Repo, 3, "b", null);
        await new StickyComment(gh.Client, gh.Retry, "validate").PublishAsync(gh.Repo, 3, "a2", null);

        gh.State.Comments(3).Select(c => c.Body).Should().BeEquivalentTo(
            "<!-- universe-pipeline:validate -->\na2", "<!-- universe-pipeline:preview -->\nb");
    }

    [Fact]
    public async Task FindsOurCommentOnThePageThreeOf250Comments()
    {
        await using var gh = await TestGitHub.StartAsync();
        for (var i = 0; i < 230; i++) gh.State.AddComment(9, $"chatter {i}");
        var ours = gh.State.AddComment(9, "<!-- universe-pipeline:report -->\nold report", "github-actions[bot]");
        for (var i = 0; i < 19; i++) gh.State.AddComment(9, $"more chatter {i}");

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 9, "new report", RunUrl);

        result.Action.Should().Be(StickyCommentAction.Updated);
        result.CommentId.Should().Be(ours.Id);
        gh.State.Comments(9).Should().HaveCount(250);
        gh.State.Comments(9).Single(c => c.Id == ours.Id).Body.Should().EndWith("new report");
        gh.Server.RequestsTo("GET", "/repos/acme/universe/issues/9/comments").Select(r => r.Query)
            .Should().Contain(q => q.Contains("page=3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralMarkedCommentsUpdateTheNewestAndSaySo()
    {
        await using var gh = await TestGitHub.StartAsync();
        var older = gh.State.AddComment(4, "<!-- universe-pipeline:report -->\nfirst", TokenIdentity.ActionsBot);
        var newer = gh.State.AddComment(4, "<!-- universe-pipeline:report -->\nsecond", TokenIdentity.ActionsBot);

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 4, "third", null);

        result.CommentId.Should().Be(newer.Id);
        result.Duplicates.Should().Be(1);
        result.Note.Should().Contain("2 comments carry the marker");
        gh.State.Comments(4).Single(c => c.Id == older.Id).Body.Should().EndWith("first");
        gh.State.Comments(4).Should().HaveCount(2);
    }

    [Fact]
    public async Task LongReportIsCutAtALineUnderTheLimitWithALinkToTheFullReport()
    {
        await using var gh = await TestGitHub.StartAsync();
        var lines = Enumerable.Range(0, 5000).Select(i => $"- diagnostic number {i} in packages/A/arangodb/0/config.json");
        var report = string.Join("\n", lines) + "\n";

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 1, report, RunUrl);

        result.Truncated.Should().BeTrue();
        var body = gh.State.Comments(1).Single().Body;
        body.Length.Should().BeLessThanOrEqualTo(65_536);
        body.Should().Contain($"[Read the full report]({RunUrl})");
        var kept = body[..body.IndexOf("\n---\n", StringComparison.Ordinal)];
        kept.Split('\n').Skip(1).Where(l => l.Length > 0).Should().OnlyContain(l => l.EndsWith("/config.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BodyGitHubStillFindsTooLongIsCutHarderAndSentOnceMore()
    {
        // GitHub may count differently from us; the fake's lower limit stands in for that.
        await using var gh = await TestGitHub.StartAsync(new FakeGitHubOptions { MaxCommentLength = 50_000 });
        var report = string.Concat(Enumerable.Range(0, 4000).Select(i => $"line {i:D5} of a long validation report\n"));

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 2, report, RunUrl);

        result.Action.Should().Be(StickyCommentAction.Created);
        result.Truncated.Should().BeTrue();
        gh.Server.RequestsTo("POST", "/repos/acme/universe/issues/2/comments").Should().HaveCount(2);
        var body = gh.State.Comments(2).Single().Body;
        body.Length.Should().BeLessThanOrEqualTo(32_768);
        body.Should().Contain(RunUrl.ToString());
    }

    [Fact]
    public async Task AMarkedCommentByAnotherUserIsNeverEditedAndWeCreateOurOwn()
    {
        // The workflow's GITHUB_TOKEN: GET /user answers 403, and our comments are github-actions[bot]'s.
        await using var gh = await TestGitHub.StartAsync();
        var planted = gh.State.AddComment(5, "<!-- universe-pipeline:report -->\n## ✅ Universe validation: all good", "mallory");

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 5, "## ❌ 2 errors", RunUrl);

        result.Action.Should().Be(StickyCommentAction.Created);
        result.CommentId.Should().NotBe(planted.Id);
        gh.State.Comments(5).Single(c => c.Id == planted.Id).Body.Should().EndWith("all good", "someone else's comment is left as it is");
        gh.State.Comments(5).Single(c => c.Id == result.CommentId).User.Should().Be(TokenIdentity.ActionsBot);
        gh.Server.RequestsTo("PATCH", "/repos/acme/universe/issues/comments").Should().BeEmpty();
    }

    [Fact]
    public async Task WithAPersonalTokenOurCommentIsTheTokenUsersAndABotsIsNot()
    {
        await using var gh = await TestGitHub.StartAsync(new FakeGitHubOptions { InstallationToken = false, Login = "release-bot-user" });
        var bots = gh.State.AddComment(6, "<!-- universe-pipeline:report -->\nby the Actions bot", TokenIdentity.ActionsBot);
        var ours = gh.State.AddComment(6, "<!-- universe-pipeline:report -->\nold", "release-bot-user");

        var result = await new StickyComment(gh.Client, gh.Retry).PublishAsync(gh.Repo, 6, "new", RunUrl);

        result.Action.Should().Be(StickyCommentAction.Updated);
        result.CommentId.Should().Be(ours.Id);
        gh.State.Comments(6).Single(c => c.Id == bots.Id).Body.Should().EndWith("by the Actions bot");
        gh.Server.RequestsTo("GET", "/user").Should().HaveCount(1);
    }

    [Fact]
    public async Task WhoWeAreIsAskedOncePerStickyComment()
    {
        await using var gh = await TestGitHub.StartAsync();
        var sticky = new StickyComment(gh.Client, gh.Retry);

        await sticky.PublishAsync(gh.Repo, 8, "one", RunUrl);
        await sticky.PublishAsync(gh.Repo, 8, "two", RunUrl);

        gh.Server.RequestsTo("GET", "/user").Should().HaveCount(1);
        gh.State.Comments(8).Should().ContainSingle().Which.Body.Should().EndWith("two");
    }

    [Fact]
    public void KeyThatWouldBreakTheHtmlCommentIsRefused()
    {
        var act = () => new StickyComment(GitHubConnection.Create("http://127.0.0.1:1/", null), new Retries.GitHubRetryPolicy(), "a-->b");

        act.Should().Throw<ArgumentException>().WithMessage("*key*");
    }
}
