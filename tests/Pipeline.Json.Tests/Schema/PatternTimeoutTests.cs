using Pipeline.Json.Schema.Validation;
using Pipeline.Json.Schema;
using Pipeline.Testing.Work;

namespace Pipeline.Json.Tests.Schema;

public class PatternTimeoutTests
{
    [Fact]
    public void CatastrophicBacktrackingIsAnErrorWithinBoundedTime()
    {
        var schema = Given.Schema("""{"properties": {"name": {"pattern": "^(a+)+$"}}}""");
        var instance = Given.Json("""{"name": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}""");

        var error = schema.Validate(instance).Single();

        // Without the timeout this match would backtrack for longer than anyone waits: the finding says it was cut short.
        error.Keyword.Should().Be("pattern");
        error.Field.Should().Be("name");
        error.Message.Should().Be("`name` could not be checked against the pattern ^(a+)+$: the pattern took too long to evaluate (catastrophic backtracking)");
    }

    [Fact]
    public void TheTimeoutIsConfigurable()
    {
        var loaded = JsonSchema.Load(Given.Json("""{"pattern": "^(a+)+$"}"""), new SchemaOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) });
        var instance = Given.Json("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"");

        var (errors, used) = ThreadCpuTime.Measure(() => loaded.Schema!.Validate(instance));

        errors.Single().Keyword.Should().Be("pattern");
        // Processor time of this thread, not wall time: two tries of 20 ms at most (PatternMatch retries
        // once), where the default 200 ms lets the match use up to 400 ms.
        used.Should().BeLessThan(TimeSpan.FromMilliseconds(150), "the match stops after the configured 20 ms, not the default 200 ms");
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
