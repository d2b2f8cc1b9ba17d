using System.Net;
using System.Net.Http.Json;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

/// <summary>The fake answers as GitHub does where the project's requests could go wrong, so a bad request fails a test.</summary>
public sealed class FakeGitHubStrictnessTests
{
    private static async Task<(FakeGitHubServer Server, HttpClient Http)> StartAsync()
    {
        var server = await FakeGitHubServer.StartAsync();
        return (server, new HttpClient { BaseAddress = server.BaseUrl });
    }

    private static object Output(int summaryLength, int annotations = 0) => new
    {
        title = "t",
        summary = new string('s', summaryLength),
        annotations = Enumerable.Range(1, annotations).Select(i => new { path = "a.json", start_line = i, end_line = i, annotation_level = "failure", message = "m" }).ToArray(),
    };

    public static TheoryData<string, object> BadCheckRuns => new()
    {
        { "name", new { head_sha = new string('a', 40) } },
        { "head_sha", new { name = "Universe validation" } },
        { "annotations", new { name = "n", head_sha = new string('a', 40), output = Output(10, annotations: 51) } },
        { "output.summary", new { name = "n", head_sha = new string('a', 40), output = Output(65_536) } },
    };

    [Theory]
    [MemberData(nameof(BadCheckRuns))]
    public async Task ACheckRunGitHubWouldRefuseIs422NamingTheField(string field, object body)
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;

        using var response = await http.PostAsJsonAsync(new Uri("repos/o/r/check-runs", UriKind.Relative), body);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"field\":\"{field}\"");
        server.Repository("o", "r").CheckRuns().Should().BeEmpty();
    }

    [Fact]
    public async Task ASummaryOfExactly65535CharactersIsTaken()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;

        using var response = await http.PostAsJsonAsync(new Uri("repos/o/r/check-runs", UriKind.Relative),
            new { name = "n", head_sha = new string('a', 40), output = Output(65_535, annotations: 50) });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ALabelNameOver50CharactersIs422()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;

        using var response = await http.PostAsJsonAsync(new Uri("repos/o/r/issues/1/labels", UriKind.Relative), new { labels = new[] { new string('l', 51) } });
        using var fifty = await http.PostAsJsonAsync(new Uri("repos/o/r/issues/1/labels", UriKind.Relative), new { labels = new[] { new string('l', 50) } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        fifty.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Repository("o", "r").Labels(1).Should().Equal(new string('l', 50));
    }

    [Fact]
    public async Task RemovingALabelTheIssueLacksIs404AndAnUnescapedSlashIsAnotherRoute()
    {
        var (server, http) = await StartAsync();
        await using var _ = server;
        using var __ = http;
        server.Repository("o", "r").AddLabels(1, ["area/site", "kept"]);

        using var absent = await http.DeleteAsync(new Uri("repos/o/r/issues/1/labels/other", UriKind.Relative));
        using var unescaped = await http.DeleteAsync(new Uri("repos/o/r/issues/1/labels/area/site", UriKind.Relative));
        using var escaped = await http.DeleteAsync(new Uri("repos/o/r/issues/1/labels/area%2Fsite", UriKind.Relative));

        absent.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unescaped.StatusCode.Should().Be(HttpStatusCode.NotFound);
        escaped.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Repository("o", "r").Labels(1).Should().Equal("kept");
    }
}
