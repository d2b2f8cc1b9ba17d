using System.Text.Json;
using Pipeline.Testing.Json;

namespace Pipeline.Build.Tests.Support;

public sealed class JsonComparisonTests
{
    private static string? Compare(string expected, string actual)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        return JsonComparison.FirstDifference(a.RootElement, b.RootElement);
    }

    [Fact]
    public void Equal_documents_have_no_difference_and_numbers_compare_by_value()
    {
        Compare("""{"a": [1, 0.90, 1.7976931348623157e+308, "x"]}""", """{"a": [1.0, 0.9, 1.7976931348623157E308, "x"]}""").Should().BeNull();
    }

    [Theory]
    [InlineData("""{"a": {"b": [1, 2]}}""", """{"a": {"b": [1, 3]}}""", "$.a.b[1]: expected 2, got 3")]
    [InlineData("""{"a": 1, "b": 2}""", """{"b": 2, "a": 1}""", "$: member 0 is \"b\", expected \"a\"")]
    [InlineData("""{"a": 1}""", """{"a": 1, "b": 2}""", "$: unexpected member \"b\"")]
    [InlineData("""{"a": "x"}""", """{"a": null}""", "$.a: expected \"x\", got null")]
    [InlineData("""[1, 2]""", """[1]""", "$: expected 2 items, got 1")]
    public void Reports_the_path_and_both_values_of_the_first_difference(string expected, string actual, string difference)
    {
        Compare(expected, actual).Should().Be(difference);
    }
}
