using System.Net;
using System.Text.RegularExpressions;
using Pipeline.Action.Reports;
using Pipeline.Cli;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Git;
using Pipeline.Testing.Printed;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Action.Tests;

/// <summary>
/// Every `universe` command the pull request's comment prints parses against the real command
/// tree, and the prune hint, run from the repository root as printed, drops the fixed entries of a
/// universe kept in a subfolder.
/// </summary>
public sealed partial class CommentCommandTests
{
    [Fact]
    public async Task ThePruneHintRunFromTheRepositoryRootDropsTheFixedEntries()
    {
        using var repository = new GitRepository();
        // repo/: hello 0 and 1 released with a duplicate key, both accepted; then 1 is removed, so its entry is fixed.
        repository.Write("repo/packages/H/hello/0/package.json", WithDefect("1.0.0")).Write("repo/packages/H/hello/1/package.json", WithDefect("1.1.0"));
        var universe = Path.Combine(repository.Root, "repo");
        repository.Write($"repo/{Pipeline.Diagnostics.Baselines.Baseline.FileName}",
            BaselineFile.Write(Pipeline.Diagnostics.Baselines.Baseline.Of(Validate(universe).Diagnostics)));
        Directory.Delete(Path.Combine(universe, "packages", "H", "hello", "1"), recursive: true);
        var report = Validate(universe);
        report.Fixed.Should().ContainSingle();

        var comment = ReportMarkdown.Write(ActionReport.Of(report) with { PathPrefix = "repo/" });
        var commands = Commands(comment).ToArray();
        var root = Program.CreateRoot(new CliConsole(TextWriter.Null, TextWriter.Null, IsTerminal: false), ProcessEnvironment.Of(new Dictionary<string, string>()));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Program.RunAsync([.. commands.Single()], new CliConsole(output, error, IsTerminal: false),
            ProcessEnvironment.Of(new Dictionary<string, string>(), repository.Root));

        commands.Select(c => string.Join(' ', c)).Should().Equal("baseline repo --prune");
        commands.SelectMany(c => root.Parse([.. c]).Errors).Should().BeEmpty();
        exit.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("(0 added, 1 removed)");
        Validate(universe).Fixed.Should().BeEmpty();
        Validate(universe).Accepted.Should().ContainSingle("the entry of the revision still there stays");
    }

    private static Pipeline.Diagnostics.Reports.ValidationReport Validate(string universe) =>
        BaselineFile.Apply(TreeValidator.Validate(PackageTreeReader.Read(universe)), universe);

    private static string WithDefect(string version) =>
        GitRepository.PackageJson("hello", version).Replace("\"maintainer\"", $"\"version\": \"{version}-old\",\n  \"maintainer\"", StringComparison.Ordinal);

    /// <summary>The `universe` commands in code, as the comment shows them: HTML &lt;code&gt; or Markdown backticks.</summary>
    private static IEnumerable<string[]> Commands(string markdown) =>
        CodeInComment().Matches(markdown)
            .Select(m => WebUtility.HtmlDecode(m.Groups["html"].Success ? m.Groups["html"].Value : m.Groups["md"].Value))
            .Where(code => code.StartsWith("universe ", StringComparison.Ordinal))
            .Select(code => ShellWords.Commands(code).Single().Skip(1).ToArray());

    [GeneratedRegex("<code>(?<html>.*?)</code>|`(?<md>[^`]+)`")]
    private static partial Regex CodeInComment();
}
