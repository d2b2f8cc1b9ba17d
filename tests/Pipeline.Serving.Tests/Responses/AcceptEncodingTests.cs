using Microsoft.Extensions.Primitives;
using Pipeline.Serving.Responses;

namespace Pipeline.Serving.Tests.Responses;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("gzip, deflate, br", "br gzip identity")]
    [InlineData("gzip", "gzip identity")]
    [InlineData("GZIP;Q=0.5, identity;q=0.6", "identity gzip")]
    [InlineData("x-gzip", "gzip identity")]
    [InlineData("br;q=0, gzip", "gzip identity")]
    [InlineData("gzip;q=0.5, br;q=0.5", "br gzip identity")]
    [InlineData("identity", "identity")]
    [InlineData("identity;q=0, gzip", "gzip")]
    [InlineData("*", "br gzip identity")]
    [InlineData("*;q=0.5, gzip", "gzip br identity")]
    [InlineData("*;q=0", "")]
    [InlineData("*;q=0, identity", "identity")]
    [InlineData("gzip;q=1.001, br;q=abc, identity;q=0.123456", "")]
    [InlineData(",,; ;q=,gzip ; q=0.8 ;foo=bar", "gzip identity")]
    public void OrdersTheAcceptableCodingsByQualityThenBrotliGzipIdentity(string? field, string expected)
    {
        var preferred = AcceptEncoding.Preferred(field is null ? StringValues.Empty : new StringValues(field));

        string.Join(' ', preferred.Select(c => c.Token())).Should().Be(expected);
    }

    [Fact]
    public void ReadsEveryFieldLineAndLetTheLastEntryOfACodingWin()
    {
        var preferred = AcceptEncoding.Preferred(new StringValues(["br;q=0.1", "gzip", "br;q=0"]));

        preferred.Should().Equal(ContentCoding.Gzip, ContentCoding.Identity);
    }

    [Fact]
    public void AHugeFieldOfUnknownCodingsLeavesIdentity()
    {
        var field = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"x{i};q=0.{i % 10}"));

        AcceptEncoding.Preferred(new StringValues(field)).Should().Equal(ContentCoding.Identity);
    }

    [Fact]
    public void DistinctFieldsWithoutEndDoNotGrowWhatIsRemembered()
    {
        for (var i = 0; i < 1_000; i++)
        {
            AcceptEncoding.Preferred(new StringValues($"gzip;q=0.{(i % 9) + 1}, x-{i}")).Should().Contain(ContentCoding.Gzip);
        }

        AcceptEncoding.RememberedFields.Should().BeLessThanOrEqualTo(64);
    }
}
