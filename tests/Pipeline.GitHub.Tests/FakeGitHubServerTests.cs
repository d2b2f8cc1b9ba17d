using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Testing.FakeGitHub;

namespace Pipeline.GitHub.Tests;

public sealed class FakeGitHubServerTests
{
    [Fact]
    public async Task RequestWithoutTokenIsRefusedWithGitHubsBody()
    {
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = "secret" });
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.GetAsync(new Uri("repos/o/r/issues/1/comments", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("message").GetString().Should().Be("Bad credentials");
        json.RootElement.TryGetProperty("documentation_url", out _).Should().BeTrue();
    }

    [Fact]
    public async Task CommentsPageWithLinkHeaderNamingNextAndLast()
    {
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = "secret" });
        for (var i = 0; i < 7; i++) server.Repository("o", "r").AddComment(1, $"c{i}");
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret");

        using var response = await http.GetAsync(new Uri("repos/o/r/issues/1/comments?per_page=3&page=2", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var link = string.Join(",", response.Headers.GetValues("Link"));
        link.Should().Contain($"<{server.BaseUrl}repos/o/r/issues/1/comments?per_page=3&page=3>; rel=\"next\"")
            .And.Contain("page=3>; rel=\"last\"").And.Contain("page=1>; rel=\"prev\"");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.EnumerateArray().Select(c => c.GetProperty("body").GetString()).Should().Equal("c3", "c4", "c5");
        response.Headers.GetValues("x-ratelimit-remaining").Should().Equal("4999");
    }

    [Fact]
    public async Task QueuedFaultAnswersOnceThenTheEndpointDoes()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.InjectFault("GET", "/repos/*/*/issues/{n}/comments", FakeFault.TooManyRequests(TimeSpan.FromSeconds(7)));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var first = await http.GetAsync(new Uri("repos/o/r/issues/5/comments", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("repos/o/r/issues/5/comments", UriKind.Relative));

        first.StatusCode.Should().Be((HttpStatusCode)429);
        first.Headers.GetValues("retry-after").Should().Equal("7");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Requests.Should().HaveCount(2);
        server.PendingFaults.Should().Be(0);
    }
}
