using Pipeline.Diagnostics;

namespace Pipeline.Templates.Tests;

public class CommentAndPartialTests
{
    [Fact]
    public void CommentRendersNothing()
    {
        TemplateHarness.Render("a{{! ignore { this } please }}b").Should().Be("ab");
    }

    [Fact]
    public void CommentEndsAtTheFirstClosingDelimiter()
    {
        TemplateHarness.Render("a{{! ignore {{this}} please }}b").Should().Be("a please }}b");
    }

    [Fact]
    public void CommentIsListedAsATagWithItsText()
    {
        var template = TemplateHarness.ParseClean("{{! note }}");

        template.Tags.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "note", Kind = TagKind.Comment });
    }

    [Fact]
    public void PartialIsAProblemAndATagButTheTemplateStillRenders()
    {
        var parsed = MustacheTemplate.Parse("a\nb {{> common/header}} c");

        parsed.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = TemplateProblemKind.PartialNotSupported,
            Position = new SourcePosition(2, 3),
        });
        parsed.Problems[0].Message.Should().Contain("common/header");
        parsed.Template.Should().NotBeNull();
        parsed.Template!.Tags.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "common/header", Kind = TagKind.Partial });
        parsed.Template.Render(null).Output.Should().Be("a\nb  c");
    }
}
