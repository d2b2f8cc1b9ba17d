using Pipeline.Diagnostics;

namespace Pipeline.Templates.Tests;

public class ParseErrorTests
{
    private static TemplateProblem SingleProblem(string template)
    {
        var parsed = MustacheTemplate.Parse(template);
        parsed.Template.Should().BeNull();
        parsed.Problems.Should().ContainSingle();
        return parsed.Problems[0];
    }

    [Fact]
    public void UnclosedSectionIsReportedAtItsOpeningTag()
    {
        var problem = SingleProblem("{\n  \"a\": 1,\n  {{#service.tls}}\n  \"tls\": true\n}");

        problem.Kind.Should().Be(TemplateProblemKind.UnclosedSection);
        problem.Position.Should().Be(new SourcePosition(3, 3));
        problem.Message.Should().Contain("service.tls");
    }

    [Fact]
    public void MismatchedSectionEndIsReportedAtTheEndTag()
    {
        var parsed = MustacheTemplate.Parse("{{#a}}\n x {{/b}}\n{{/a}}");

        parsed.Template.Should().BeNull();
        parsed.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.MismatchedSectionEnd,
            Position = new SourcePosition(2, 4),
        });
        parsed.Problems[0].Message.Should().Contain("'b'").And.Contain("'a'");
    }

    [Fact]
    public void SectionEndWithNothingOpenIsMismatched()
    {
        var problem = SingleProblem("text {{/a}}");

        problem.Kind.Should().Be(TemplateProblemKind.MismatchedSectionEnd);
        problem.Position.Should().Be(new SourcePosition(1, 6));
    }

    [Fact]
    public void UnclosedTagIsReportedAtItsOpeningDelimiter()
    {
        var problem = SingleProblem("line one\n\t\"x\": \"{{name\"\n}");

        problem.Kind.Should().Be(TemplateProblemKind.Syntax);
        problem.Position.Should().Be(new SourcePosition(2, 8));
    }

    [Fact]
    public void UnclosedTripleMustacheIsReported()
    {
        var problem = SingleProblem("ab{{{x}}");

        problem.Kind.Should().Be(TemplateProblemKind.Syntax);
        problem.Position.Should().Be(new SourcePosition(1, 3));
    }

    [Theory]
    [InlineData("x {{}}")]
    [InlineData("x {{  }}")]
    [InlineData("x {{#}}{{/}}")]
    [InlineData("x {{{ }}}")]
    [InlineData("x {{& }}")]
    [InlineData("x {{>}}")]
    public void EmptyTagNameIsASyntaxProblemAtTheTag(string template)
    {
        var parsed = MustacheTemplate.Parse(template);

        parsed.Template.Should().BeNull();
        parsed.Problems.Should().NotBeEmpty()
            .And.AllSatisfy(p => p.Kind.Should().Be(TemplateProblemKind.Syntax));
        parsed.Problems[0].Position.Should().Be(new SourcePosition(1, 3));
    }

    [Fact]
    public void EveryProblemIsReportedInDocumentOrder()
    {
        var parsed = MustacheTemplate.Parse("{{#a}}\n{{/b}}\n{{}}\n{{#c}}");

        parsed.Problems.Select(p => (p.Kind, p.Position.Line)).Should().Equal(
            (TemplateProblemKind.UnclosedSection, 1),
            (TemplateProblemKind.MismatchedSectionEnd, 2),
            (TemplateProblemKind.Syntax, 3));
        parsed.Problems[0].Message.Should().EndWith("(and 1 more unclosed section).");
    }

    [Fact]
    public void ColumnCountsCharactersNotBytes()
    {
        var problem = SingleProblem("é日🚀{{/x}}");

        problem.Position.Should().Be(new SourcePosition(1, 5));
    }

    [Fact]
    public void SectionsNestedToTheLimitParse()
    {
        const int depth = MustacheTemplate.MaxSectionDepth;
        var text = string.Concat(Enumerable.Repeat("{{#a}}", depth)) + "x" + string.Concat(Enumerable.Repeat("{{/a}}", depth));

        var parsed = MustacheTemplate.Parse(text);

        parsed.Problems.Should().BeEmpty();
        parsed.Template!.Tags.Should().HaveCount(depth);
        parsed.Template.Tags[^1].EnclosingSections.Should().HaveCount(depth - 1);
    }

    [Theory]
    [InlineData(101, true)]
    [InlineData(10_000, true)]
    [InlineData(100_000, true)]
    [InlineData(100_000, false)]
    public void SectionsNestedPastTheLimitAreOneProblemAtTheFirstTooDeep(int depth, bool closed)
    {
        var text = string.Concat(Enumerable.Repeat("{{#service}}", depth)) + "x" + (closed ? string.Concat(Enumerable.Repeat("{{/service}}", depth)) : "");

        var problem = SingleProblem(text);

        problem.Kind.Should().Be(TemplateProblemKind.TooDeep);
        problem.Position.Should().Be(new SourcePosition(1, 1 + "{{#service}}".Length * MustacheTemplate.MaxSectionDepth));
        problem.Message.Should().Contain("more than 100 levels");
    }

    [Fact]
    public void AHundredThousandNestedSectionsParseInBoundedMemory()
    {
        // Before the depth bound each of the 100,000 tags kept its path: 451 MB for 10,000 levels
        // through validation. Now the parse stops at the 101st section; what it allocates is counted.
        const int depth = 100_000;
        var text = string.Concat(Enumerable.Repeat("{{#service}}", depth)) + string.Concat(Enumerable.Repeat("{{/service}}", depth));
        MustacheTemplate.Parse(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = MustacheTemplate.Parse(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        parsed.Problems.Should().ContainSingle();
        allocated.Should().BeLessThan(64 * 1024, "only the first 100 sections are compiled");
    }

    [Fact]
    public void UnclosedSectionsAreOneProblemAtTheOutermostWithACount()
    {
        var parsed = MustacheTemplate.Parse("x\n" + string.Concat(Enumerable.Repeat("{{#a}}\n", MustacheTemplate.MaxSectionDepth)));

        var problem = parsed.Problems.Should().ContainSingle().Subject;
        problem.Kind.Should().Be(TemplateProblemKind.UnclosedSection);
        problem.Position.Should().Be(new SourcePosition(2, 1));
        problem.Message.Should().Be("Section 'a' is never closed; add '{{/a}}' (and 99 more unclosed sections).");
    }
}
