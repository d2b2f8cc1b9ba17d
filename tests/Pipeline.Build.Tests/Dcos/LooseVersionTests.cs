using Pipeline.Build.Dcos;

namespace Pipeline.Build.Tests.Dcos;

public sealed class LooseVersionTests
{
    [Theory]
    [InlineData("1.9", "1.10")]
    [InlineData("1.10", "1.11")]
    [InlineData("1.13", "2.0")]
    [InlineData("2.0", "999")]
    [InlineData("0.0", "1.6")]
    [InlineData("1.8", "1.8.1")]
    [InlineData("1.10", "1.10-dev")]
    [InlineData("1.10a", "1.10b")]
    public void Orders_as_distutils_LooseVersion(string lower, string higher)
    {
        LooseVersion.Parse(lower).CompareTo(LooseVersion.Parse(higher)).Should().BeNegative();
        LooseVersion.Parse(higher).CompareTo(LooseVersion.Parse(lower)).Should().BePositive();
    }

    [Theory]
    [InlineData("1.10", "1.10")]
    [InlineData("01.010", "1.10")]
    [InlineData("1..10", "1.10")]
    public void Equal_versions_compare_equal(string a, string b)
    {
        LooseVersion.Parse(a).CompareTo(LooseVersion.Parse(b)).Should().Be(0);
    }
}
