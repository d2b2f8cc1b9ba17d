using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Testing.Git;
using Pipeline.Validation;

namespace Pipeline.Changes.Tests;

/// <summary>
/// A name that cannot be a package path (here a backslash, which a normalizer once turned into
/// '/', moving the file out of every package) is UNI015 in `validate` and in a pull request, and
/// the package it hides is validated either way.
/// </summary>
public sealed class UnportablePathTests : IDisposable
{
    private const string Evil = "packages/E/ev\\il";
    private readonly Scenario _scenario = new();
    private GitRepository Repo => _scenario.Repository;

    public void Dispose() => _scenario.Dispose();

    private void AddBrokenPackageBehindABackslash() =>
        Repo.Write($"{Evil}/0/package.json", GitRepository.PackageJson("evil", "1.0.0")).Write($"{Evil}/0/config.json", "{ broken");

    [Fact]
    public void ValidateReportsTheNameAndThePackageBehindIt()
    {
        AddBrokenPackageBehindABackslash();

        var report = TreeValidator.Validate(PackageTreeReader.Read(Repo.Root));

        report.Diagnostics.Select(Scenario.Format).Should().Contain("UNI015 error packages/E/ev\\il").And.Contain(f => f.StartsWith("UNI102 error packages/E/ev\\il/0/config.json", StringComparison.Ordinal));
    }

    [Fact]
    public void APullRequestFoundWithGitReportsTheSameAsValidate()
    {
        AddBrokenPackageBehindABackslash();

        var result = _scenario.Validate();

        var found = result.Report.Diagnostics.Select(Scenario.Format).ToArray();
        found.Should().ContainSingle(f => f == "UNI015 error packages/E/ev\\il");
        found.Should().Contain(f => f.StartsWith("UNI102 error packages/E/ev\\il/0/config.json", StringComparison.Ordinal));
        found.Should().Contain(f => f.StartsWith("UNI002 error packages/E/ev\\il", StringComparison.Ordinal));
        result.Report.Errors.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void APullRequestFromTheFileListReportsTheSameAsValidate()
    {
        AddBrokenPackageBehindABackslash();
        Repo.Commit("pull request");
        using var shallow = Repo.ShallowClone("pr");
        var changes = ChangeSet.FromFiles([
            new($"{Evil}/0/package.json", ChangeStatus.Added),
            new($"{Evil}/0/config.json", ChangeStatus.Added),
        ]);

        var result = ChangeValidation.Validate(shallow.Root, changes, BaseView.Infer(shallow.Root, changes), []);

        var found = result.Report.Diagnostics.Select(Scenario.Format).ToArray();
        found.Should().ContainSingle(f => f == "UNI015 error packages/E/ev\\il");
        found.Should().Contain(f => f.StartsWith("UNI102 error packages/E/ev\\il/0/config.json", StringComparison.Ordinal));
    }

    [Fact]
    public void ADeletedFileWithAnUnportableNameIsStillReported()
    {
        Repo.Write("packages/F/foo/1/COM1.txt", "x").Commit("base with a bad name");
        Repo.Checkout("main").Git("merge", "-q", "pr");
        Repo.Checkout("pr");
        Repo.Delete("packages/F/foo/1/COM1.txt");

        var result = _scenario.Validate();

        result.Report.Diagnostics.Select(Scenario.Format).Should().Contain("UNI015 error packages/F/foo/1/COM1.txt");
    }

    [Theory]
    [InlineData("a\\b", "backslash")]
    [InlineData("a\nb", "U+000A")]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("a:b", "`:`")]
    [InlineData("a|b", "`|`")]
    [InlineData(" a", "white space")]
    [InlineData("a.", "dot")]
    [InlineData("nul.json", "device")]
    public void UnportableNames(string name, string reason) => PortablePath.Problem(name).Should().Contain(reason);

    [Theory]
    [InlineData("package.json")]
    [InlineData(".gitkeep")]
    [InlineData("marathon.json.mustache")]
    [InlineData("console")]
    public void PortableNames(string name) => PortablePath.Problem(name).Should().BeNull();
}
