using System.Text;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Work;

namespace Pipeline.Validation.Tests;

/// <summary>
/// Pull requests are untrusted: every hostile input gets a diagnostic, never an exception, and
/// validation finishes. The generous bound on processor time only catches a runaway loop (speed is
/// the benchmark's job); it is time the validating thread used, which a busy machine does not
/// stretch as it stretches a wall clock.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(30);

    private static ValidationReport Validate(TempTree tree)
    {
        var (report, used) = ThreadCpuTime.Measure(() => TreeValidator.Validate(PackageTreeReader.Read(tree.Root)));
        used.Should().BeLessThan(Runaway, "validation of a hostile input must stay bounded");
        return report;
    }

    private static Diagnostic Single(ValidationReport report, string code) =>
        report.Diagnostics.Should().ContainSingle(d => d.Code == code, string.Join("\n", report.Diagnostics)).Subject;

    [Fact]
    public void InvalidUtf8IsReportedAtItsByte()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/config.json", [.. "{\n  \"a\": \"caf"u8, 0xC3, 0x28, .. "\"\n}"u8]);

        var d = Single(Validate(tree), "UNI100");

        d.File.Should().Be($"{revision}/config.json");
        d.Line.Should().Be(2);
        d.Severity.Should().Be(Severity.Error);
    }

    [Fact]
    public void InvalidUtf8InATemplateIsReported()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/marathon.json.mustache", [.. "{\"id\": \"x"u8, 0xFF, .. "\"}"u8]);

        Single(Validate(tree), "UNI100").File.Should().Be($"{revision}/marathon.json.mustache");
    }

    [Fact]
    public void AFiftyMegabyteFileIsNotRead()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        using (var file = File.Create(Path.Combine(tree.Root, revision, "config.json")))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var d = Single(Validate(tree), "UNI010");

        d.File.Should().Be($"{revision}/config.json");
        d.Message.Should().Contain("52,428,800 bytes");
    }

    [Fact]
    public void JsonNestedTenThousandDeepIsReported()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/config.json", new string('[', 10_000) + new string(']', 10_000));

        var d = Single(Validate(tree), "UNI104");

        d.File.Should().Be($"{revision}/config.json");
        d.Line.Should().Be(1);
    }

    [Fact]
    public void DuplicateKeysAreReportedAtTheSecondKey()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/resource.json", "{\n  \"images\": {},\n  \"images\": {}\n}\n");

        var d = Single(Validate(tree), "UNI103");

        (d.Line, d.Column).Should().Be((3, 3));
        d.Message.Should().Contain("`images`");
    }

    [Fact]
    public void ALinkOutOfTheTreeIsNotFollowed()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "config.json"), "/etc/passwd");

        var report = Validate(tree);

        Single(report, "UNI007").Message.Should().Contain("outside the repository");
        report.Diagnostics.Should().NotContain(d => d.Code == "UNI102", "the target is never read");
    }

    [Fact]
    public void DotDotInALinkIsResolvedBeforeItIsTrusted()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        // packages/S/sample/0/config.json -> ../../../../../<outside>: climbs out through the root.
        File.CreateSymbolicLink(Path.Combine(tree.Root, revision, "config.json"), "../../../../../outside.json");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(tree.Root)!, "outside.json"), "{}");

        Single(Validate(tree), "UNI007").File.Should().Be($"{revision}/config.json");
    }

    [Fact]
    public void ARunawayTemplateIsStopped()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/config.json", """
            {"type": "object", "properties": {"items": {"type": "array", "default": [1,2,3,4,5,6,7,8,9,10]}}}
            """);
        var nested = new StringBuilder();
        for (var i = 0; i < 30; i++) nested.Append("{{#items}}");
        nested.Append("x");
        for (var i = 0; i < 30; i++) nested.Append("{{/items}}");
        tree.Write($"{revision}/marathon.json.mustache", "{\"id\": \"" + nested + "\"}");

        var d = Single(Validate(tree), "UNI303");

        d.File.Should().Be($"{revision}/marathon.json.mustache");
    }

    [Fact]
    public void AHugeOutputFromATinyTemplateIsStopped()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        var big = new string('x', 100_000);
        var items = string.Join(",", Enumerable.Range(0, 100));
        tree.Write($"{revision}/config.json",
            "{\"type\": \"object\", \"properties\": {\"s\": {\"type\": \"string\", \"default\": \"" + big
            + "\"}, \"items\": {\"type\": \"array\", \"default\": [" + items + "]}}}");
        tree.Write($"{revision}/marathon.json.mustache", "{\"id\": \"{{#items}}{{s}}{{/items}}\"}");

        Single(Validate(tree), "UNI303").Message.Should().NotBeEmpty();
    }

    [Fact]
    public void ARemoteRefInAnOptionsSchemaIsNotFetched()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/config.json", """
            {"type": "object", "properties": {"port": {"$ref": "http://127.0.0.1:9/schema.json"}}}
            """);

        var d = Single(Validate(tree), "UNI114");

        d.Message.Should().Contain("http://127.0.0.1:9/schema.json");
        d.Line.Should().Be(1);
    }

    [Fact]
    public void OptionsThatReferToThemselvesDoNotUnfoldForever()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        // Each level doubles: unbounded, the defaults walk would visit 2^64 schemas.
        tree.Write($"{revision}/config.json", """
            {"type": "object", "required": ["a", "b"], "properties": {"a": {"$ref": "#", "default": {}}, "b": {"$ref": "#"}}}
            """);
        tree.Write($"{revision}/marathon.json.mustache", "{\"id\": \"x\"}");

        var report = Validate(tree);

        report.Diagnostics.Should().OnlyContain(d => d.File!.StartsWith(revision));
    }

    [Fact]
    public void RefCyclesThroughIdsEndWithOneClearErrorEach()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        // a.json and b.json name each other through their ids and never consume the value; x and y
        // are only references, one of them by the document's absolute id.
        tree.Write($"{revision}/config.json", """
            {"id": "http://example.com/config.json", "type": "object",
             "definitions": {"a": {"id": "http://example.com/a.json", "allOf": [{"$ref": "b.json"}]}, "b": {"id": "http://example.com/b.json", "anyOf": [{"$ref": "a.json"}]},
                             "x": {"$ref": "http://example.com/config.json#/definitions/y"}, "y": {"$ref": "#/definitions/x"}},
             "properties": {"q": {"$ref": "a.json", "default": 1}, "r": {"$ref": "#/definitions/x", "default": 1}}}
            """);

        var report = Validate(tree);

        Single(report, "UNI202").Message.Should().Be("the default of option `q` is invalid, so installing with default options fails: `q` is nested too deeply to validate (more than 400 levels of schema)");
        Single(report, "UNI114").Message.Should().StartWith("circular $ref `").And.EndWith("` never reaches a schema; it accepts everything");
        report.Diagnostics.Should().HaveCount(2, string.Join("\n", report.Diagnostics));
    }

    [Fact]
    public void DeeplyNestedIdsResolveTheInnermostScopeInBoundedTime()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        const int Levels = 50;
        // Ids must be absolute in a package; each level's scope lies inside the one above, and each
        // level refers to itself ("#" is the level, not the document).
        var scope = new StringBuilder("http://example.com/");
        var schema = new StringBuilder("""{"id": "http://example.com/", "definitions": {"t": {"id": "http://example.com/t.json", "type": "integer"}}, "type": "object", "properties": {"l": """);
        for (var level = 0; level < Levels; level++)
        {
            scope.Append($"l{level}/");
            schema.Append($$"""{"id": "{{scope}}", "type": "object", "properties": {"l": """);
        }
        schema.Append($$$"""{"id": "{{{scope}}}leaf/", "definitions": {"t": {"id": "{{{scope}}}leaf/t.json", "type": "string"}}, "properties": {"v": {"$ref": "t.json"}}, "default": {"v": 1}}""");
        for (var level = 0; level < Levels; level++) schema.Append(""", "self": {"$ref": "#"}}}""");
        schema.Append("}}");
        tree.Write($"{revision}/config.json", schema.ToString());

        var report = Validate(tree);

        // t.json is the innermost scope's (a string), not the document's (an integer).
        Single(report, "UNI202").Message.Should().EndWith("`v` must be a string, not a number");
        report.Diagnostics.Should().ContainSingle();
    }

    [Fact]
    public void CompositionThatRefersToItselfOrFansOutIsReadInBoundedTime()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        // allOf, oneOf and definitions that lead back to themselves, and thousands of options each
        // referring to the root: every rule that reads the options (UNI202/209, UNI208, UNI301,
        // placeholders) walks the same bounded reading.
        var wide = string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"\"o{i}\": {{\"$ref\": \"#\"}}"));
        const string Composition = """
            {"type": "object", "required": ["o1", "missing"],
             "definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}], "required": ["x"]}, "b": {"oneOf": [{"$ref": "#/definitions/a"}, {"$ref": "#"}]}},
             "allOf": [{"$ref": "#"}, {"$ref": "#/definitions/a"}],
             "anyOf": [{"$ref": "#/anyOf/0"}],
             "properties": {
            """;
        tree.Write($"{revision}/config.json", Composition + wide + "}}");
        tree.Write($"{revision}/marathon.json.mustache", """{"id": "{{o1.o2.o3.o1.x}}", "cmd": "{{o0.nothing}}{{#o5}}{{o6.o7}}{{/o5}}"}""");

        var report = Validate(tree);

        report.Diagnostics.Should().OnlyContain(d => d.File!.StartsWith(revision));
        report.Diagnostics.Should().Contain(d => d.Code == "UNI208" && d.Message.Contains("`missing`"));
    }

    [Fact]
    public void ACatastrophicPatternIsCutOff()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        tree.Write($"{revision}/config.json", """
            {"type": "object", "properties": {"name": {"type": "string", "pattern": "^(a+)+$", "default": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"}}}
            """);

        var d = Single(Validate(tree), "UNI202");

        d.Message.Should().Contain("too long");
    }

    [Fact]
    public void AnEmptyTreeIsReported()
    {
        using var tree = new TempTree();

        Single(Validate(tree), "UNI014").Severity.Should().Be(Severity.Warning);
    }

    [NotRootFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AnUnreadableFileIsReported()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        var file = tree.Write($"{revision}/resource.json", "{}");
        File.SetUnixFileMode(file, UnixFileMode.None);

        Single(Validate(tree), "UNI013").File.Should().Be($"{revision}/resource.json");
    }

    [Fact]
    public void AFolderNamedLikeARevisionFileIsReported()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        Directory.CreateDirectory(Path.Combine(tree.Root, revision, "config.json"));

        Single(Validate(tree), "UNI006").File.Should().Be($"{revision}/config.json");
    }

    [Fact]
    public void GarbageInEveryFileNeverThrows()
    {
        using var tree = new TempTree();
        var revision = tree.Revision();
        var random = new Random(7);
        foreach (var name in new[] { "config.json", "resource.json", "command.json", "marathon.json.mustache", "kubernetes.yaml.mustache", "README.md" })
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            tree.Write($"{revision}/{name}", bytes);
        }

        var report = Validate(tree);

        report.Errors.Should().BeGreaterThan(0);
        report.Diagnostics.Should().OnlyContain(d => d.File!.StartsWith(revision));
    }
}
