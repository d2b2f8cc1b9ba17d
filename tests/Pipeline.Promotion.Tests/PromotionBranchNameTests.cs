using Pipeline.Promotion.Planning;
using Pipeline.Promotion.PullRequests;

namespace Pipeline.Promotion.Tests;

public sealed class PromotionBranchNameTests
{
    [Theory]
    [InlineData("2.0.0", "promote/kafka-2.0.0")]
    [InlineData("2.0.0-1.1.0+build", "promote/kafka-2.0.0-1.1.0-build")]
    [InlineData("1..2 beta~1:x.", "promote/kafka-1-2-beta-1-x")]
    public void Is_a_valid_git_branch_named_after_the_package_and_version(string version, string expected)
    {
        var plan = new PromotionPlan(new SourceRevision("kafka", version, 0, "staging", [], []), "/tree", "K", 0, []);

        PromotionPullRequest.BranchName(plan).Should().Be(expected);
    }
}
