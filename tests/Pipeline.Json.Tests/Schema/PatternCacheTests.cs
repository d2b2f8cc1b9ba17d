using Pipeline.Json.Schema.Compilation;

namespace Pipeline.Json.Tests.Schema;

/// <summary>Patterns are compiled once per process and shared by every schema that uses them.</summary>
public class PatternCacheTests
{
    [Fact]
    public void TheSamePatternAndTimeoutGiveTheSameRegex()
    {
        var first = PatternCache.Get("^shared-[a-z]+$", TimeSpan.FromMilliseconds(200), out var error);
        var second = PatternCache.Get("^shared-[a-z]+$", TimeSpan.FromMilliseconds(200), out _);

        error.Should().BeNull();
        second.Should().BeSameAs(first);
        var shorter = PatternCache.Get("^shared-[a-z]+$", TimeSpan.FromMilliseconds(20), out _);
        shorter.Should().NotBeSameAs(first);
        shorter!.MatchTimeout.Should().Be(TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void AnInvalidPatternIsRememberedWithItsReason()
    {
        PatternCache.Get("(unclosed", TimeSpan.FromMilliseconds(200), out var error).Should().BeNull();

        error.Should().Contain("Not enough )'s");
        PatternCache.IsValid("(unclosed").Should().BeFalse();
        PatternCache.IsValid(@"^a\_b$").Should().BeTrue();
    }

    [Fact]
    public void SchemasLoadedApartShareTheirPatterns()
    {
        const string Schema = """{"properties": {"name": {"pattern": "^[a-z]+-shared$"}}}""";
        var one = Given.Schema(Schema);
        var other = Given.Schema(Schema);

        one.Validate(Given.Json("""{"name": "x-shared"}""")).Should().BeEmpty();
        other.Validate(Given.Json("""{"name": "X"}""")).Single().Message.Should().Be("`name` \"X\" does not match the pattern ^[a-z]+-shared$");
    }
}
