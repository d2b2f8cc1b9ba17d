using System.Net;
using AwesomeAssertions;
using Xunit;

namespace Pipeline.Serving.Tests.Responses;

/// <summary>What serve works out from its sources is kept while they stay the same, not redone for each request.</summary>
public sealed class PerRequestWorkTests
{
    [Fact]
    public async Task PriorityConflictsAreLookedAtOncePerChangeOfTheSourcesNotPerRequest()
    {
        await using var fixture = await CachingServer.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            (await fixture.SendAsync("index.json")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await fixture.SendAsync("repo", ("Accept", CachingServer.V4))).StatusCode.Should().Be(HttpStatusCode.OK);
            (await fixture.SendAsync("package/beta.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        var steady = fixture.Server.ConflictUpdates;

        await fixture.ChangeUpstreamAsync();
        var changed = await fixture.SendAsync("index.json");
        await fixture.SendAsync("index.json");

        steady.Should().Be(1);
        ServingTrees.Names(await changed.Content.ReadAsStringAsync()).Should().Contain("delta");
        fixture.Server.ConflictUpdates.Should().Be(2);
    }

    [Fact]
    public async Task RepositoryNegotiationIsRememberedForBoundedlyManyFieldPairsAndAnswersTheSameBeyond()
    {
        await using var fixture = await CachingServer.StartAsync();
        var first = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.6.0 dcos/1.10.0"), ("Accept", CachingServer.V4));
        for (var i = 0; i < 100; i++)
        {
            var answer = await fixture.SendAsync("repo", ("User-Agent", $"cosmos/0.6.{i} dcos/1.10.0"), ("Accept", CachingServer.V4));
            answer.Headers.ETag.Should().Be(first.Headers.ETag);
        }
        var again = await fixture.SendAsync("repo", ("User-Agent", "cosmos/0.6.0 dcos/1.10.0"), ("Accept", CachingServer.V4));

        fixture.Server.RememberedChoices.Should().Be(64);
        again.Headers.ETag.Should().Be(first.Headers.ETag);
    }

    [Fact]
    public async Task AnswersCarryNoServerField()
    {
        await using var fixture = await CachingServer.StartAsync();

        var answer = await fixture.SendAsync("index.json");

        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Headers.Server.Should().BeEmpty();
    }
}
