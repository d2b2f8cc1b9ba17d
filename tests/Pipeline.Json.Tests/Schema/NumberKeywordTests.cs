using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Tests.Schema;

public class NumberKeywordTests
{
    [Theory]
    [InlineData("""{"minimum": 1}""", "0", "minimum", "the document must be at least 1")]
    [InlineData("""{"maximum": 65535}""", "65536", "maximum", "the document must be at most 65535")]
    [InlineData("""{"minimum": 0, "exclusiveMinimum": true}""", "0", "minimum", "the document must be greater than 0")]
    [InlineData("""{"maximum": 1.5, "exclusiveMaximum": true}""", "1.5", "maximum", "the document must be less than 1.5")]
    [InlineData("""{"exclusiveMinimum": 0}""", "0", "exclusiveMinimum", "the document must be greater than 0")]
    [InlineData("""{"exclusiveMaximum": 10}""", "10.0", "exclusiveMaximum", "the document must be less than 10")]
    [InlineData("""{"multipleOf": 0.1}""", "0.35", "multipleOf", "the document must be a multiple of 0.1")]
    [InlineData("""{"multipleOf": 5}""", "12", "multipleOf", "the document must be a multiple of 5")]
    [InlineData("""{"multipleOf": 0.123456789}""", "1e308", "multipleOf", "the document must be a multiple of 0.123456789")]
    [InlineData("""{"multipleOf": 1e-3}""", "2.0005", "multipleOf", "the document must be a multiple of 1e-3")]
    public void OutOfBoundNumbersAreReported(string schema, string instance, string keyword, string message)
    {
        var error = Given.Errors(schema, instance).Single();

        error.Keyword.Should().Be(keyword);
        error.Message.Should().Be(message);
    }

    [Theory]
    [InlineData("""{"minimum": 1}""", "1")]
    [InlineData("""{"maximum": 65535}""", "65535.0")]
    [InlineData("""{"minimum": 0, "exclusiveMinimum": true}""", "0.001")]
    [InlineData("""{"exclusiveMaximum": 10}""", "9.99")]
    [InlineData("""{"multipleOf": 0.1}""", "0.3")]
    [InlineData("""{"multipleOf": 0.01}""", "19.99")]
    [InlineData("""{"multipleOf": 5}""", "1e2")]
    [InlineData("""{"multipleOf": 1e-3}""", "2.005")]
    [InlineData("""{"multipleOf": 0.5}""", "1e308")] // the quotient overflows a double; exact arithmetic says whole
    [InlineData("""{"minimum": 5, "multipleOf": 2}""", "\"not a number\"")]
    public void InBoundNumbersPass(string schema, string instance)
    {
        Given.Errors(schema, instance).Should().BeEmpty();
    }

    [Fact]
    public void FieldsAreNamed()
    {
        Given.Messages("""{"properties": {"cpus": {"minimum": 0.1}}}""", """{"cpus": 0}""").Should().Equal("`cpus` must be at least 0.1");
    }
}
