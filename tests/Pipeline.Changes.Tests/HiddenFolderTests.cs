using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Git;
using Pipeline.Validation;

namespace Pipeline.Changes.Tests;

/// <summary>
/// A changed file under a letter or package folder that whole-tree validation judges (a name
/// starting with '.', a lower-case letter) is judged the same in a pull request, never skipped.
/// Real Git repository: the pull request's diagnostics under the folder equal `validate`'s.
/// </summary>
public sealed class HiddenFolderTests : IDisposable
{
    private readonly Scenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Theory]
    [InlineData("packages/E/.evil", "UNI002 error packages/E/.evil")]
    [InlineData("packages/.E/evil", "UNI001 error packages/.E")]
    [InlineData("packages/e/evil", "UNI001 error packages/e")]
    public void APullRequestReportsWhatValidateReportsForTheFolder(string folder, string expected)
    {
        _scenario.Repository.Write($"{folder}/0/package.json", GitRepository.PackageJson("evil", "1.0.0")).Write($"{folder}/0/config.json", "{ broken");
        var letterFolder = string.Join('/', folder.Split('/').Take(2));

        var pullRequest = Under(letterFolder, _scenario.Validate().Report.Diagnostics);
        var wholeTree = Under(letterFolder, TreeValidator.Validate(PackageTreeReader.Read(_scenario.Repository.Root)).Diagnostics);

        wholeTree.Should().Contain(expected).And.Contain(f => f.StartsWith($"UNI102 error {folder}/0/config.json", StringComparison.Ordinal));
        pullRequest.Should().Equal(wholeTree);
    }

    private static string[] Under(string letterFolder, IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.File is { } file && (file == letterFolder || file.StartsWith(letterFolder + "/", StringComparison.Ordinal)))
            .Select(Scenario.Format).Order(StringComparer.Ordinal).ToArray();
}
