using Pipeline.Build.Dcos;

namespace Pipeline.Build.Tests.Dcos;

public sealed class ConfigEscapingTests
{
    // Expected values computed with Python: re.sub('([^\\\\])\\"', lambda m: m.group(1) + '\\\\"', text)
    [Theory]
    [InlineData("no quotes", "no quotes")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("\"leading", "\"leading")]
    [InlineData("already \\\"escaped\\\"", "already \\\"escaped\\\"")]
    [InlineData("a\"\"b", "a\\\"\"b")]
    [InlineData("a\"\"\"b", "a\\\"\"\\\"b")]
    [InlineData("", "")]
    public void Escapes_quotes_that_do_not_follow_a_backslash_as_Universe_s_regex_does(string text, string expected)
    {
        ConfigEscaping.EscapeQuotes(text).Should().Be(expected);
    }
}
