using Pipeline.Changes.Bumps;

namespace Pipeline.Changes.Tests;

/// <summary>The bump metadata line: written by the bump, read leniently but safely by the check.</summary>
public sealed class BumpMetadataTests
{
    [Fact]
    public void TheLineItWritesReadsBack()
    {
        var metadata = new BumpMetadata("kafka", "2.0.1", "acme/kafka", "https://github.com/acme/kafka/releases/tag/v2.0.1");

        var line = metadata.ToLine();

        line.Should().Be("""<!-- universe-bump {"package":"kafka","version":"2.0.1","repository":"acme/kafka","release":"https://github.com/acme/kafka/releases/tag/v2.0.1"} -->""");
        BumpMetadata.Read($"Bumps kafka.\r\n\r\n{line}\r\nMore text.", out var problem).Should().Be(metadata);
        problem.Should().BeNull();
    }

    [Fact]
    public void OptionalFieldsAreLeftOut()
    {
        var line = new BumpMetadata("kafka", "2.0.1").ToLine();

        line.Should().Be("""<!-- universe-bump {"package":"kafka","version":"2.0.1"} -->""");
        BumpMetadata.Read(line, out _).Should().Be(new BumpMetadata("kafka", "2.0.1"));
    }

    [Fact]
    public void AValueCannotEndTheCommentItIsWrittenIn()
    {
        var metadata = new BumpMetadata("kafka", "2.0.1", null, "https://example.org/--><script>");

        var line = metadata.ToLine();

        line.IndexOf("-->", StringComparison.Ordinal).Should().Be(line.Length - 3);
        line.Should().NotContain("<script>");
        BumpMetadata.Read(line, out _).Should().Be(metadata);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Just a pull request.")]
    [InlineData("<!-- universe-bumpy {\"package\":\"a\",\"version\":\"1\"} -->")]
    [InlineData("<!-- universe-pipeline:report -->")]
    public void ABodyWithoutTheMarkerIsNoBump(string? body)
    {
        BumpMetadata.Read(body, out var problem).Should().BeNull();
        problem.Should().BeNull();
    }

    [Theory]
    [InlineData("<!-- universe-bump -->", "not valid")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\"", "not valid")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\"}\n-->", "not followed by `-->`")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\"} trailing -->", "not followed by `-->`")]
    [InlineData("<!-- universe-bump [\"a\", \"1\"] -->", "not a JSON object")]
    [InlineData("<!-- universe-bump {\"version\":\"1\"} -->", "`package` is missing")]
    [InlineData("<!-- universe-bump {\"package\":\"a\"} -->", "`version` is missing")]
    [InlineData("<!-- universe-bump {\"package\":\"\",\"version\":\"1\"} -->", "`package` must be a non-empty string")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":1} -->", "`version` must be a non-empty string")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\",\"repository\":[\"x\"]} -->", "`repository` must be a non-empty string")]
    [InlineData("<!-- universe-bump {\"package\":\"a\\nb\",\"version\":\"1\"} -->", "`package` holds control characters")]
    [InlineData("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\",\"release\":\"\\u001b[31m\"} -->", "`release` holds control characters")]
    [InlineData("<!-- universe-bump {\"package\":{\"a\":{\"b\":{\"c\":{\"d\":{}}}}},\"version\":\"1\"} -->", "not valid")]
    public void MetadataThatCannotBeReadSaysWhy(string body, string problem)
    {
        BumpMetadata.Read(body, out var found).Should().BeNull();
        found.Should().Contain(problem);
    }

    [Fact]
    public void OnlyTheFirstMetadataLineCounts()
    {
        var body = "<!-- universe-bump {\"package\":\"a\",\"version\":\"1\"} -->\n<!-- universe-bump {\"package\":\"b\",\"version\":\"2\"} -->";

        BumpMetadata.Read(body, out _)!.Package.Should().Be("a");
    }

    [Fact]
    public void UnknownFieldsAreIgnored() =>
        BumpMetadata.Read("<!-- universe-bump {\"package\":\"a\",\"version\":\"1\",\"by\":\"universe 2.0\"} -->", out _).Should().Be(new BumpMetadata("a", "1"));
}
