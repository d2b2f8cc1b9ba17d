using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Pipeline.Action.Reports;

namespace Pipeline.Action.Tests;

/// <summary>A path in a report never moves the comment's file link out of the repository.</summary>
public sealed class ReportedPathTests : IDisposable
{
    private const string Head = "0123456789abcdef0123456789abcdef01234567";
    private readonly string _folder = Directory.CreateTempSubdirectory("reported-path-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ReportedDiagnostic At(string file) => new("UNI112", "error", file, 1, 1, "bad", null);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, "universe-report.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Theory]
    [InlineData("../../../../evil/repo", "`..`")]
    [InlineData("packages/../../../../../evil/repo", "`..`")]
    [InlineData("packages/./a.json", "`.`")]
    [InlineData("/etc/passwd", "absolute")]
    public void AReportFileWithAPathOutOfTheRepositoryIsRefusedNamingTheField(string file, string reason)
    {
        var report = new ActionReport { HeadSha = Head, Diagnostics = [At("packages/A/a/0/package.json"), At(file)] };

        var read = ReportFile.Read(Write(report.ToJson()), out var problem);

        read.Should().BeNull();
        problem.Should().Contain("`diagnostics[1].file`").And.Contain(reason);
    }

    [Fact]
    public void ARepositoryFileFieldIsCheckedToo()
    {
        var json = new ActionReport { HeadSha = Head, Diagnostics = [At("packages/A/a/0/package.json")] }.ToJson()
            .Replace("\"file\":", "\"repositoryFile\": \"../../evil/repo\", \"file\":", StringComparison.Ordinal);
        json.Should().Contain("repositoryFile");

        ReportFile.Read(Write(json), out var problem).Should().BeNull();

        problem.Should().Contain("`diagnostics[0].repositoryFile`").And.Contain("`..`");
    }

    [Fact]
    public void APlainPathIsRead()
    {
        var report = new ActionReport { HeadSha = Head, Diagnostics = [At("packages/A/a/0/package.json"), At("packages/E/ev\\il/0/package.json")] };

        ReportFile.Read(Write(report.ToJson()), out var problem).Should().NotBeNull(problem);
    }

    [Fact]
    public void TheCommentLinksOnlyPlainRepositoryPaths()
    {
        var report = new ActionReport
        {
            HeadSha = Head,
            Diagnostics = [At("packages/A/a/0/package.json"), At("../../../../evil/repo"), At("/evil/repo"), At("packages/E/ev\\..\\..\\il"), At("packages/E/a\u0001b")],
        };

        var markdown = ReportMarkdown.Write(report, new Uri("https://github.com/o/r"));

        var links = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()).Descendants<LinkInline>().Select(l => l.Url).ToList();
        links.Should().Equal([$"https://github.com/o/r/blob/{Head}/packages/A/a/0/package.json#L1"], markdown);
    }
}
