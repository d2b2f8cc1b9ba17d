using System.Text;
using Pipeline.GitHub.Releases;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class ReleasePublisherTests
{
    // Release files are read from disk; one folder per test process holds these small ones.
    private static readonly string Files = Directory.CreateTempSubdirectory("universe-release-files-").FullName;

    private static ReleaseFile Text(string name, string content)
    {
        var path = Path.Combine(Files, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return ReleaseFile.FromFile(name, "application/json", path);
    }

    private static ReleaseRequest Request(params ReleaseFile[] assets) =>
        new("index-2025.01.01", "Universe index 2025.01.01", "digest: sha256:abc", assets);

    private static readonly ReleaseRequest Standard = Request(Text("universe.json", "{\"packages\":[]}"), Text("SHA256SUMS", "abc  universe.json\n"));

    [Fact]
    public async Task NewTagMakesADraftUploadsThenPublishes()
    {
        await using var gh = await TestGitHub.StartAsync();

        var outcome = await new ReleasePublisher(gh.Client, gh.Retry).PublishAsync(gh.Repo, Standard);

        outcome.Action.Should().Be(ReleaseAction.Created);
        outcome.Uploaded.Should().Equal("universe.json", "SHA256SUMS");
        var release = gh.State.Releases().Single();
        release.Draft.Should().BeFalse();
        release.TagName.Should().Be("index-2025.01.01");
        release.Body.Should().Be("digest: sha256:abc");
        gh.State.Assets(release.Id).Select(a => (a.Name, a.ContentType, a.Size)).Should().Equal(
            ("universe.json", "application/json", 15), ("SHA256SUMS", "application/json", 19));

        // Draft first, files next, publish last: users never see a release without its files.
        var writes = gh.Server.Requests.Where(r => r.Method is "POST" or "PATCH").Select(r => $"{r.Method} {r.Path}").ToList();
        writes.Should().Equal(
            "POST /repos/acme/universe/releases",
            $"POST /repos/acme/universe/releases/{release.Id}/assets",
            $"POST /repos/acme/universe/releases/{release.Id}/assets",
            $"PATCH /repos/acme/universe/releases/{release.Id}");
        gh.Server.Requests.First(r => r.Method == "POST").BodyText.Should().Contain("\"draft\":true");
    }

    [Fact]
    public async Task UploadedAssetIsDownloadableWithItsBytes()
    {
        await using var gh = await TestGitHub.StartAsync();
        await new ReleasePublisher(gh.Client, gh.Retry).PublishAsync(gh.Repo, Standard);
        using var http = new HttpClient();

        var bytes = await http.GetStringAsync(new Uri(gh.Server.BaseUrl, "acme/universe/releases/download/index-2025.01.01/universe.json"));

        bytes.Should().Be("{\"packages\":[]}");
    }

    [Fact]
    public async Task RerunWithEverythingPublishedSendsNothing()
    {
        await using var gh = await TestGitHub.StartAsync();
        var publisher = new ReleasePublisher(gh.Client, gh.Retry);
        await publisher.PublishAsync(gh.Repo, Standard);
        var before = gh.Server.Requests.Count;

        var outcome = await publisher.PublishAsync(gh.Repo, Standard);

        outcome.Action.Should().Be(ReleaseAction.Unchanged);
        outcome.Uploaded.Should().BeEmpty();
        gh.Server.Requests.Skip(before).Should().OnlyContain(r => r.Method == "GET");
        gh.State.Releases().Should().ContainSingle();
    }

    [Fact]
    public async Task RerunAfterPartialFailureCompletesTheDraftInsteadOfMakingANewRelease()
    {
        await using var gh = await TestGitHub.StartAsync();
        var draft = gh.State.AddRelease("index-2025.01.01", draft: true);
        gh.State.AddAsset(draft.Id, "universe.json", "application/json", Encoding.UTF8.GetBytes("{\"packages\":[]}"));

        var outcome = await new ReleasePublisher(gh.Client, gh.Retry).PublishAsync(gh.Repo, Standard);

        outcome.Action.Should().Be(ReleaseAction.CompletedDraft);
        outcome.ReleaseId.Should().Be(draft.Id);
        outcome.Uploaded.Should().Equal("SHA256SUMS");
        gh.State.Releases().Should().ContainSingle().Which.Draft.Should().BeFalse();
        gh.State.Assets(draft.Id).Select(a => a.Name).Should().Equal("universe.json", "SHA256SUMS");
        gh.Server.RequestsTo("POST", "/repos/acme/universe/releases").Should().OnlyContain(r => r.Path.EndsWith("/assets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DraftAssetOfTheWrongSizeIsReplaced()
    {
        await using var gh = await TestGitHub.StartAsync();
        var draft = gh.State.AddRelease("index-2025.01.01", draft: true);
        gh.State.AddAsset(draft.Id, "universe.json", "application/json", Encoding.UTF8.GetBytes("{\"pack"));

        var outcome = await new ReleasePublisher(gh.Client, gh.Retry).PublishAsync(gh.Repo, Standard);

        outcome.Replaced.Should().Equal("universe.json");
        gh.State.Assets(draft.Id).Single(a => a.Name == "universe.json").Size.Should().Be(15);
    }

    [Fact]
    public async Task AssetNameConflictIsResolvedByDeletingAndUploadingOnce()
    {
        await using var gh = await TestGitHub.StartAsync();
        var draft = gh.State.AddRelease("index-2025.01.01", draft: true);
        // The asset appears between our listing and our upload, as when a lost answer hid a finished
        // upload: GitHub then answers 422 already_exists.
        FakeReleaseAsset? stale = null;
        gh.Server.BeforeRequest("POST", "/repos/*/*/releases/*/assets",
            () => stale = gh.State.AddAsset(draft.Id, "SHA256SUMS", "text/plain", Encoding.UTF8.GetBytes("stale")));

        var outcome = await new ReleasePublisher(gh.Client, gh.Retry).PublishAsync(gh.Repo, Request(Text("SHA256SUMS", "abc  universe.json\n")));

        outcome.Replaced.Should().Equal("SHA256SUMS");
        var asset = gh.State.Assets(draft.Id).Single();
        asset.Id.Should().NotBe(stale!.Id);
        Encoding.UTF8.GetString(asset.Content).Should().Be("abc  universe.json\n");
        gh.Server.RequestsTo("DELETE", $"/repos/acme/universe/releases/assets/{stale.Id}").Should().HaveCount(1);
        gh.Server.RequestsTo("POST", $"/repos/acme/universe/releases/{draft.Id}/assets").Should().HaveCount(2);
    }

    [Fact]
    public async Task LatestIgnoresDraftsAndIsNullWhenNothingIsPublished()
    {
        await using var gh = await TestGitHub.StartAsync();
        var publisher = new ReleasePublisher(gh.Client, gh.Retry);
        gh.State.AddRelease("draft-only", draft: true, body: "digest: draft");

        var none = await publisher.GetLatestAsync(gh.Repo);
        gh.State.AddRelease("index-1", body: "digest: one");
        gh.State.AddRelease("index-2-draft", draft: true, body: "digest: two");
        var latest = await publisher.GetLatestAsync(gh.Repo);

        none.Should().BeNull();
        latest!.Tag.Should().Be("index-1");
        latest.Body.Should().Be("digest: one");
    }
}
