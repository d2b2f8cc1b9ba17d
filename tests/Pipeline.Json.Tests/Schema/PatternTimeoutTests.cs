using System.Diagnostics;

namespace Pipeline.Json.Tests.Schema;

public class PatternTimeoutTests
{
    [Fact]
    public void CatastrophicBacktrackingIsAnErrorWithinBoundedTime()
    {
        var schema = Given.Schema("""{"properties": {"name": {"pattern": "^(a+)+$"}}}""");
        var instance = Given.Json("""{"name": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}""");
        var clock = Stopwatch.StartNew();

        var error = schema.Validate(instance).Single();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3));
        error.Keyword.Should().Be("pattern");
        error.Field.Should().Be("name");
        error.Message.Should().Be("`name` could not be checked against the pattern ^(a+)+$: the pattern took too long to evaluate (catastrophic backtracking)");
    }

    [Fact]
    public void TheTimeoutIsConfigurable()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"pattern": "^(a+)+$"}"""), new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var clock = Stopwatch.StartNew();

        loaded.Schema!.Validate(Given.Json("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"")).Single().Keyword.Should().Be("pattern");

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void PatternPropertiesTimeOutToo()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"patternProperties": {"^(a+)+$": {}}, "additionalProperties": false}"""), new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });

        var error = loaded.Schema!.Validate(Given.Json("""{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!": 1}""")).Single();

        error.Keyword.Should().Be("patternProperties");
        error.Message.Should().Be("the property name `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!` could not be checked against the pattern ^(a+)+$: the pattern took too long to evaluate (catastrophic backtracking)");
    }

    [Fact]
    public void AnInvalidPatternIsALoadProblemAndIsIgnored()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"properties": {"a": {"pattern": "[unclosed"}}}"""));

        var problem = loaded.Problems.Single();
        problem.SchemaPointer.Should().Be("/properties/a/pattern");
        problem.Message.Should().StartWith("invalid regular expression in `pattern`: ");
        loaded.Schema!.Validate(Given.Json("""{"a": "anything"}""")).Should().BeEmpty();
    }
}
