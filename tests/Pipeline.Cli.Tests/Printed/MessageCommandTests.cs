using System.Text.RegularExpressions;
using Pipeline.Testing;
using Pipeline.Testing.Printed;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// The commands the program's own messages tell users to run (a `universe …` or `dotnet …` code
/// span in a string under src/, rule hints included) name real commands and options, and the
/// baseline's prune hint, run as printed, drops the fixed entries.
/// </summary>
public sealed partial class MessageCommandTests : IDisposable
{
    private readonly ExampleUniverse _universe = new();

    public void Dispose() => _universe.Dispose();

    [Fact]
    public void EveryUniverseCommandAMessagePrintsNamesARealCommandAndItsOptions()
    {
        var printed = Printed().Where(p => p.Text.StartsWith("universe ", StringComparison.Ordinal)).ToArray();

        printed.Should().Contain(p => p.File.EndsWith("RuleCatalog.cs", StringComparison.Ordinal), "rule hints are read too");
        printed.Should().Contain(p => p.File.EndsWith("RepoListCommand.cs", StringComparison.Ordinal));
        var problems = printed.SelectMany(p => Alternatives(p.Text)
            .SelectMany(text => CommandTree.CheckSynopsis(ShellWords.Commands(text).Single().Skip(1).ToArray()).Problems)
            .Select(problem => $"{p.File}:{p.Line}: `{p.Text}`: {problem}"));
        problems.Should().BeEmpty();
    }

    [Fact]
    public void EveryDotnetCommandAMessagePrintsPublishesAsTheTestsPublish()
    {
        // PublishedProgram publishes the program the action tests run, the GitHub commands included.
        var published = QuotedString().Matches(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "tests", "Pipeline.Action.Tests", "PublishedProgram.cs")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var printed = Printed().Where(p => p.Text.StartsWith("dotnet ", StringComparison.Ordinal)).ToArray();

        printed.Should().NotBeEmpty();
        foreach (var (file, line, text) in printed)
        {
            var words = ShellWords.Commands(text).Single();
            words[1].Should().Be("publish", $"{file}:{line}");
            Directory.Exists(Path.Combine(RepositoryFolders.Root, words[2])).Should().BeTrue($"{file}:{line} names the project {words[2]}");
            words.Skip(3).Where(w => !published.Contains(w)).Should().BeEmpty($"{file}:{line} publishes as the tested program is published");
        }
    }

    [Fact]
    public async Task ThePruneHintNamesTheUniverseAsTypedAndDropsTheFixedEntries()
    {
        // A revision with a defect is baselined, then removed: its entry is fixed.
        var defect = Path.Combine(_universe.Root, "universe", "repo", "packages", "H", "hello-world", "3");
        Directory.CreateDirectory(defect);
        File.WriteAllText(Path.Combine(defect, "package.json"), GitRepositoryPackage());
        (await _universe.RunAsync(["baseline", "../universe/repo"])).ExitCode.Should().Be(0);
        Directory.Delete(defect, recursive: true);

        var before = await _universe.RunAsync(["validate", "../universe/repo"]);
        var hint = BacktickSpan().Matches(before.Out).Select(m => m.Groups[1].Value).Single(s => s.Contains("--prune", StringComparison.Ordinal));
        var prune = await _universe.RunAsync(ShellWords.Commands(hint).Single().Skip(1).ToArray());
        var after = await _universe.RunAsync(["validate", "../universe/repo"]);

        hint.Should().Be("universe baseline ../universe/repo --prune");
        prune.ExitCode.Should().Be(0, prune.Error);
        prune.Out.Should().Contain("(0 added, 1 removed)");
        after.Out.Should().NotContain("fixed");
    }

    [Fact]
    public async Task TheBuildHintValidatesTheTreeThatWasBuilt()
    {
        // A revision whose package.json does not parse is left out of the build.
        File.WriteAllText(Path.Combine(_universe.Root, "universe", "repo", "packages", "H", "hello-world", "2", "package.json"), "{");

        var build = await _universe.RunAsync(["build", "../universe/repo", "--output", "out"]);
        var hint = BacktickSpan().Matches(build.Out).Select(m => m.Groups[1].Value).Single(s => s.StartsWith("universe validate", StringComparison.Ordinal));
        var validate = await _universe.RunAsync(ShellWords.Commands(hint).Single().Skip(1).ToArray());

        build.ExitCode.Should().Be(1);
        validate.ExitCode.Should().Be(1, "the hint validates the tree that was built, not the working folder's");
        validate.Out.Should().Contain("packages/H/hello-world/2/package.json");
    }

    private static string GitRepositoryPackage() => Pipeline.Testing.Git.GitRepository.PackageJson("hello-world", "3.0.0")
        .Replace("\"maintainer\"", "\"version\": \"2.9.0\",\n  \"maintainer\"", StringComparison.Ordinal);

    /// <summary>`universe repo add|remove|list` is three commands.</summary>
    private static IEnumerable<string> Alternatives(string text)
    {
        var words = text.Split(' ');
        var at = Array.FindIndex(words, w => w.Contains('|', StringComparison.Ordinal) && !w.StartsWith('-'));
        return at < 0 ? [text] : words[at].Split('|').Select(w => string.Join(' ', words.Take(at).Append(w).Concat(words.Skip(at + 1))));
    }

    /// <summary>Code spans in the strings of src/ that hold a command; an interpolation stands for a value.</summary>
    private static IEnumerable<(string File, int Line, string Text)> Printed()
    {
        var src = Path.Combine(RepositoryFolders.Root, "src");
        var built = new[] { $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}" };
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories).Where(f => !built.Any(b => f.Contains(b, StringComparison.Ordinal))))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match span in BacktickSpan().Matches(lines[i]))
                {
                    var text = Interpolation().Replace(span.Groups[1].Value, "VALUE");
                    if (text.StartsWith("universe ", StringComparison.Ordinal) || text.StartsWith("dotnet ", StringComparison.Ordinal))
                    {
                        yield return (Path.GetRelativePath(RepositoryFolders.Root, file), i + 1, text);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex BacktickSpan();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedString();
}
