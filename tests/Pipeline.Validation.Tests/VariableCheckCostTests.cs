using Pipeline.Diagnostics;
using System.Text;
using Pipeline.Packages.Documents;
using Pipeline.Json;
using Pipeline.Packages.Model;
using Pipeline.Packages;
using Pipeline.Templates;
using Pipeline.Validation.Templates;

namespace Pipeline.Validation.Tests;

/// <summary>
/// The variable check (UNI301) follows the sections as the tags come instead of walking every
/// tag's enclosing sections: 10,000 nested sections took 8 s and 451 MB. Work is measured in
/// bytes allocated on this thread, which the old walk spent on every tag's section path.
/// </summary>
public sealed class VariableCheckCostTests
{
    private static RevisionDocuments Documents(string config)
    {
        var folder = new RevisionFolder(Path.GetTempPath(), "packages/S/sample/0");
        return RevisionDocuments.Read(new PackageRevision("sample", 0, folder, [new RevisionFile("config.json", folder, Encoding.UTF8.GetBytes(config), true)]));
    }

    private static readonly RevisionDocuments ServiceOptions = Documents("""
        {"type": "object", "properties": {"a": {"type": "object", "properties": {"x": {"type": "string"}}}}}
        """);

    [Fact]
    public void ManyDeepSectionsCostLittleMoreThanTheirTags()
    {
        // 1,000 times a section nested to the limit: 100,000 section tags, each 50 deep on average.
        var nest = string.Concat(Enumerable.Repeat("{{#a}}", MustacheTemplate.MaxSectionDepth)) + "{{x}}{{y}}"
            + string.Concat(Enumerable.Repeat("{{/a}}", MustacheTemplate.MaxSectionDepth));
        var template = MustacheTemplate.Parse(string.Concat(Enumerable.Repeat(nest, 1_000))).Template!;
        var diagnostics = new List<Diagnostic>();
        VariableResolver.Report(MustacheTemplate.Parse(nest).Template!, ServiceOptions, "t", []);

        var before = GC.GetAllocatedBytesForCurrentThread();
        VariableResolver.Report(template, ServiceOptions, "t", diagnostics);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("`{{y}}` is not defined");
        allocated.Should().BeLessThan(256 * 1024, "the check keeps one scope per open section, not one path per tag");
    }

    [Theory]
    [InlineData("{{#a}}{{x}}{{/a}}{{x}}", "x")]
    [InlineData("{{#a}}{{#a}}{{x}}{{/a}}{{/a}}{{#a}}{{y}}{{/a}}", "y")]
    [InlineData("{{#a}}{{/a}}{{#b}}{{z}}{{/b}}{{#a}}{{x}}{{/a}}", "b")]
    public void SectionsAreFollowedAsTheyOpenAndClose(string text, string undefined)
    {
        var diagnostics = new List<Diagnostic>();

        VariableResolver.Report(MustacheTemplate.Parse(text).Template!, ServiceOptions, "t", diagnostics);

        diagnostics.Select(d => d.Message).Should().ContainSingle().Which.Should().StartWith($"`{{{{{undefined}}}}}` is not defined");
    }
}
