namespace Pipeline.Templates.Tests;

public class StandaloneLineTests
{
    private const string KubernetesYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{service.name}}
          {{#service.labels}}
          labels:
            {{#entries}}
            {{key}}: "{{value}}"
            {{/entries}}
          {{/service.labels}}
        spec:
          {{! the node selector is optional }}
          {{^service.any_node}}
          nodeSelector:
            role: worker
          {{/service.any_node}}
          containers:
            - image: {{image}}

        """;

    [Fact]
    public void YamlTemplateLosesTheLinesHoldingOnlyBlockTags()
    {
        var output = TemplateHarness.Render(KubernetesYaml, """
            {"service": {"name": "web", "any_node": false,
                         "labels": {"entries": [{"key": "app", "value": "web"}, {"key": "tier", "value": "front"}]}},
             "image": "nginx"}
            """);

        output.Should().Be("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: "web"
                tier: "front"
            spec:
              nodeSelector:
                role: worker
              containers:
                - image: nginx

            """);
    }

    [Fact]
    public void SkippedSectionsLeaveNoBlankLines()
    {
        var output = TemplateHarness.Render(KubernetesYaml, """{"service": {"name": "web", "any_node": true}, "image": "nginx"}""");

        output.Should().Be("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
                - image: nginx

            """);
    }

    [Fact]
    public void CrLfLineIsRemovedWithItsLineBreak()
    {
        TemplateHarness.Render("a\r\n  {{#x}}  \r\nb\r\n{{/x}}\r\nc", """{"x": true}""").Should().Be("a\r\nb\r\nc");
    }

    [Fact]
    public void StandaloneTagOnTheFirstAndLastLineWithoutNewline()
    {
        TemplateHarness.Render("{{#x}}\nbody\n{{/x}}", """{"x": true}""").Should().Be("body\n");
    }

    [Fact]
    public void MultilineStandaloneCommentIsRemoved()
    {
        TemplateHarness.Render("a\n  {{! one\n  two }}\nb").Should().Be("a\nb");
    }

    [Fact]
    public void TagSharingItsLineWithTextIsNotStandalone()
    {
        TemplateHarness.Render("  x {{#a}}\n{{/a}} y\n", """{"a": true}""").Should().Be("  x \n y\n");
    }

    [Fact]
    public void TwoBlockTagsOnOneLineAreNotStandalone()
    {
        TemplateHarness.Render("a\n{{#x}}{{/x}}\nb", """{"x": true}""").Should().Be("a\n\nb");
    }

    [Fact]
    public void VariableAloneOnItsLineKeepsTheLine()
    {
        TemplateHarness.Render("a\n  {{x}}\nb", """{"x": ""}""").Should().Be("a\n  \nb");
    }

    [Fact]
    public void StandalonePartialLineIsRemovedAndRendersNothing()
    {
        var parsed = MustacheTemplate.Parse("a\n  {{> header}}\nb");

        parsed.Template!.Render(null).Output.Should().Be("a\nb");
    }
}
