using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.GitHub.Tests;

/// <summary>
/// GitHub stays in Pipeline.GitHub: no other project's code names an Octokit type or catches
/// Octokit's <c>ApiException</c> (that only Pipeline.GitHub references the package is a layering
/// test of Pipeline.Architecture.Tests). Callers get <see cref="GitHubApi"/>, domain
/// values and <see cref="Errors.GitHubReportException"/>.
/// </summary>
public sealed partial class OctokitBoundaryTests
{
    private static readonly string Source = Path.Combine(RepositoryFolders.Root, "src");
    private static readonly string Home = Path.Combine(Source, "Pipeline.GitHub") + Path.DirectorySeparatorChar;

    [Fact]
    public void NoSourceOutsidePipelineGitHubUsesOctokit()
    {
        Offending(OctokitUse()).Should().BeEmpty("Octokit's types belong to Pipeline.GitHub; use GitHubApi");
    }

    [Fact]
    public void NoSourceOutsidePipelineGitHubCatchesApiException()
    {
        Offending(ApiExceptionUse()).Should().BeEmpty("every GitHub failure leaves Pipeline.GitHub as a GitHubReportException");
    }

    /// <summary>The scan must see every way a file can bring Octokit in, and not a mere mention in a comment.</summary>
    [Theory]
    [InlineData("using Octokit;", true)]
    [InlineData("global using Octokit;", true)]
    [InlineData("using static Octokit.ApiOptions;", true)]
    [InlineData("using GH = Octokit;", true)]
    [InlineData("    catch (Octokit.ApiException e)", true)]
    [InlineData("    IGitHubClient? client = global::Octokit.GitHubClient.Create();", true)]
    [InlineData("/// Commands that talk to GitHub go through Octokit, which reads JSON by reflection", false)]
    [InlineData("var url = \"https://example.com\"; // see Octokit.ApiException", false)]
    [InlineData("using Pipeline.GitHub;", false)]
    public void TheScanFindsOctokitInCodeOnly(string line, bool found)
    {
        OctokitUse().IsMatch(Code(line)).Should().Be(found);
    }

    [Theory]
    [InlineData("catch (Exception e) when (e is GitHubReportException or ApiException)", true)]
    [InlineData("catch (ApiException)", true)]
    [InlineData("// Octokit throws ApiException, which the policy maps", false)]
    public void TheScanFindsApiExceptionInCodeOnly(string line, bool found)
    {
        ApiExceptionUse().IsMatch(Code(line)).Should().Be(found);
    }

    private static IEnumerable<string> Offending(Regex pattern) =>
        from file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        where !file.StartsWith(Home, StringComparison.Ordinal) && !IsBuildOutput(file)
        from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
        where pattern.IsMatch(Code(line.Text))
        select $"{Path.GetRelativePath(RepositoryFolders.Root, file)}:{line.Number}: {line.Text.Trim()}";

    private static bool IsBuildOutput(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar);
        return parts.Contains("obj") || parts.Contains("bin");
    }

    /// <summary>The line without a trailing <c>//</c> comment (doc comments included).</summary>
    private static string Code(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    [GeneratedRegex(@"\busing\s+(static\s+)?(\w+\s*=\s*)?(global::)?Octokit\b|\bOctokit\s*\.")]
    private static partial Regex OctokitUse();

    [GeneratedRegex(@"\bApiException\b")]
    private static partial Regex ApiExceptionUse();
}
