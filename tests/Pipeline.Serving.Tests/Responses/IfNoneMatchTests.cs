using Microsoft.Extensions.Primitives;
using Pipeline.Serving.Responses;

namespace Pipeline.Serving.Tests.Responses;

public sealed class IfNoneMatchTests
{
    private const string Tag = "\"0123abcd-gzip\"";

    [Theory]
    [InlineData("\"0123abcd-gzip\"")]
    [InlineData("W/\"0123abcd-gzip\"")]
    [InlineData("\"other\", \"0123abcd-gzip\"")]
    [InlineData("\"a,b\",W/\"0123abcd-gzip\"")]
    [InlineData("*")]
    [InlineData("  ,\t\"0123abcd-gzip\" ,")]
    public void MatchesByWeakComparison(string field) => IfNoneMatch.Matches(new StringValues(field), Tag).Should().BeTrue();

    [Theory]
    [InlineData("\"0123abcd\"")]
    [InlineData("\"0123ABCD-GZIP\"")]
    [InlineData("0123abcd-gzip")]
    [InlineData("\"0123abcd-gzip")]
    [InlineData("W/")]
    [InlineData("\"x\" junk \"0123abcd-gzip\"")]
    [InlineData("")]
    public void MalformedOrOtherTagsDoNotMatch(string field) => IfNoneMatch.Matches(new StringValues(field), Tag).Should().BeFalse();

    [Fact]
    public void ReadsEveryFieldLine() =>
        IfNoneMatch.Matches(new StringValues(["\"x\"", "\"0123abcd-gzip\""]), Tag).Should().BeTrue();
}
