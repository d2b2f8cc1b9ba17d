using System.Text.Json.Nodes;
using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages;
using Pipeline.Repositories.Rendering;
using Pipeline.Repositories.Sources;
using Pipeline.Testing.Trees;

namespace Pipeline.Repositories.Tests;

public sealed class RenderingTests
{
    private static PackageDefinition Hello() => new(
        "hello", "1.0.0", 2, "4.0", TestTrees.PackageJson("hello", "1.0.0"),
        (JsonObject)JsonNode.Parse(TestTrees.Config)!, (JsonObject)JsonNode.Parse(TestTrees.Resource)!, null,
        [
            new DescriptorTemplate(new DescriptorName("marathon", "json"), TestTrees.Marathon),
            new DescriptorTemplate(new DescriptorName("kubernetes", "yaml"), TestTrees.Kubernetes),
        ]);

    private static OptionAssignment Set(string text) => OptionAssignment.Parse(text, out _)!;

    private static JsonObject Json(string text) => (JsonObject)JsonNode.Parse(text)!;

    [Fact]
    public void DefaultsThenFilesThenSetsAreMergedInOrder()
    {
        var options = PackageOptions.Build(Json(TestTrees.Config),
            [Json("""{"service": {"cpus": 2, "mode": "safe"}}"""), Json("""{"service": {"cpus": 3}}""")],
            [Set("service.cpus=4"), Set("service.token=abc")]);

        options.Merged["service"]!.ToJsonString().Should().Be("""{"name":"hello","cpus":4,"mode":"safe","token":"abc"}""");
        options.User["service"]!.ToJsonString().Should().Be("""{"cpus":4,"mode":"safe","token":"abc"}""");
    }

    [Theory]
    [InlineData("a.b=3", """{"a":{"b":3}}""")]
    [InlineData("a=true", """{"a":true}""")]
    [InlineData("a=[1,\"x\"]", """{"a":[1,"x"]}""")]
    [InlineData("a=hello world", """{"a":"hello world"}""")]
    [InlineData("a=\"3\"", """{"a":"3"}""")]
    [InlineData("a=", """{"a":""}""")]
    [InlineData("a=null", """{"a":null}""")]
    [InlineData("a=x=y", """{"a":"x=y"}""")]
    public void SetValuesAreJsonWhenTheyParseElseStrings(string text, string expected) =>
        Set(text).ToObject().ToJsonString().Should().Be(expected);

    [Theory]
    [InlineData("novalue")]
    [InlineData("=3")]
    [InlineData("a..b=3")]
    public void MalformedSetValuesAreRefused(string text)
    {
        OptionAssignment.Parse(text, out var problem).Should().BeNull();
        problem.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void ValidationErrorsNameThePathTheRuleAndTheDescription()
    {
        var outcome = PackageRenderer.Render(Hello(), new RenderRequest
        {
            Assignments = [Set("service.cpus=0"), Set("service.mode=slow"), Set("service.name=5"), Set("service.extra.deep=1")],
        });

        outcome.Descriptors.Should().BeEmpty();
        var errors = outcome.OptionErrors.Select(e => (e.Path, e.Rule, e.Description)).ToArray();
        errors.Should().Contain(("service.token", "required", "API token"));
        errors.Should().Contain(("service.cpus", "minimum", "CPU shares"));
        errors.Should().Contain(("service.mode", "enum", "Run mode"));
        errors.Should().Contain(("service.name", "type", "The service name"));
        outcome.OptionErrors.Single(e => e.Rule == "required").ToString().Should().Contain("service.token").And.Contain("[required]").And.Contain("API token");
    }

    [Fact]
    public void AnOptionRequiredThroughAllOfIsDescribedFromWhereItIsDeclared()
    {
        var config = JsonNode.Parse("""
            {"type": "object", "properties": {"db": {"type": "object", "properties": {"password": {"type": "string", "description": "Admin password"}},
                                                "allOf": [{"required": ["password"]}]}},
             "required": ["db"]}
            """)!.AsObject();

        var errors = OptionsValidator.Validate(config, JsonNode.Parse("""{"db": {}}""")!.AsObject(), []);

        errors.Select(e => (e.Path, e.Rule, e.Description)).Should().Equal(("db.password", "required", "Admin password"));
    }

    [Fact]
    public void APatternViolationIsNamed()
    {
        var outcome = PackageRenderer.Render(Hello(), new RenderRequest { Assignments = [Set("service.token=ABC")] });

        outcome.OptionErrors.Should().ContainSingle().Which.Should().Match<OptionError>(e => e.Path == "service.token" && e.Rule == "pattern" && e.Description == "API token");
    }

    [Fact]
    public void OptionsForAPackageWithoutSchemaAreRefused()
    {
        var outcome = PackageRenderer.Render(Hello() with { Config = null }, new RenderRequest { Assignments = [Set("x=1")] });

        outcome.OptionErrors.Should().ContainSingle().Which.Rule.Should().Be("options-not-allowed");
    }

    [Fact]
    public void MarathonGetsTheAppIdAndCosmosLabels()
    {
        var outcome = PackageRenderer.Render(Hello(), new RenderRequest
        {
            Assignments = [Set("service.token=abc")],
            AppId = "/team/hello",
            Source = "https://example.com/index.json",
        });

        outcome.Succeeded.Should().BeTrue();
        var app = (JsonObject)outcome.Descriptors.Single(d => d.Name.IsMarathon).Document!;
        app["id"]!.GetValue<string>().Should().Be("/team/hello");
        app["container"]!["docker"]!["image"]!.GetValue<string>().Should().Be("example/hello:1.0");
        var labels = app["labels"]!.AsObject();
        labels["OWN"]!.GetValue<string>().Should().Be("kept");
        labels["DCOS_PACKAGE_NAME"]!.GetValue<string>().Should().Be("hello", "Cosmos's labels cannot be overridden by the template");
        labels["DCOS_PACKAGE_VERSION"]!.GetValue<string>().Should().Be("1.0.0");
        labels["DCOS_PACKAGE_SOURCE"]!.GetValue<string>().Should().Be("https://example.com/index.json");
        Decode(labels["DCOS_PACKAGE_OPTIONS"]!).Should().Be("""{"service":{"token":"abc"}}""");
        var metadata = JsonNode.Parse(Decode(labels["DCOS_PACKAGE_METADATA"]!))!;
        metadata["name"]!.GetValue<string>().Should().Be("hello");
        metadata["framework"]!.GetValue<bool>().Should().BeFalse();
        metadata["images"]!["icon-small"]!.GetValue<string>().Should().Be("https://example.com/i.png");
        var envelope = JsonNode.Parse(Decode(labels["DCOS_PACKAGE_DEFINITION"]!))!;
        envelope["metadata"]!["Content-Type"]!.GetValue<string>().Should().Contain("version=v4");
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Convert.FromBase64String(envelope["data"]!.GetValue<string>())), System.IO.Compression.CompressionMode.Decompress);
        var definition = JsonNode.Parse(gzip)!;
        definition["releaseVersion"]!.GetValue<int>().Should().Be(2);
        Encoding.UTF8.GetString(Convert.FromBase64String(definition["marathon"]!["v2AppMustacheTemplate"]!.GetValue<string>())).Should().Be(TestTrees.Marathon);
    }

    [Fact]
    public void AYamlDescriptorIsRenderedAndParsed()
    {
        var outcome = PackageRenderer.Render(Hello(), new RenderRequest { Assignments = [Set("service.token=abc"), Set("service.name=web")], Descriptor = "kubernetes" });

        outcome.Descriptors.Should().ContainSingle().Which.Output.Should().Be("name: web\ncpus: 0.5\nmode: fast\n");
    }

    [Fact]
    public void ABrokenYamlOrJsonResultIsAProblem()
    {
        var broken = Hello() with
        {
            Descriptors =
            [
                new DescriptorTemplate(new DescriptorName("kubernetes", "yaml"), "a: [{{service.name}}\n"),
                new DescriptorTemplate(new DescriptorName("marathon", "json"), "{\"id\": {{service.name}}}"),
            ],
        };

        var outcome = PackageRenderer.Render(broken, new RenderRequest { Assignments = [Set("service.token=abc")] });

        outcome.Succeeded.Should().BeFalse();
        outcome.Descriptors[0].Problems.Should().ContainSingle().Which.Should().Contain("invalid YAML");
        outcome.Descriptors[1].Problems.Should().ContainSingle().Which.Should().Contain("invalid JSON");
    }

    [Fact]
    public void ADeeplyNestedYamlResultIsAProblemNotAStackOverflow()
    {
        var deep = Hello() with { Descriptors = [new DescriptorTemplate(new DescriptorName("kubernetes", "yaml"), "a: " + new string('[', 50_000))] };

        var outcome = PackageRenderer.Render(deep, new RenderRequest { Assignments = [Set("service.token=abc")] });

        outcome.Succeeded.Should().BeFalse();
        outcome.Descriptors[0].Problems.Should().ContainSingle().Which.Should().Contain("more than 128 levels");
    }

    [Fact]
    public void AnUnknownDescriptorIsAProblem() =>
        PackageRenderer.Render(Hello(), new RenderRequest { Descriptor = "aurora" }).Problem.Should().Contain("no descriptor `aurora`").And.Contain("marathon.json");

    private static string Decode(JsonNode label) => Encoding.UTF8.GetString(Convert.FromBase64String(label.GetValue<string>()));
}
