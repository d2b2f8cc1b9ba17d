using Pipeline.Changes.Git;
using Pipeline.Diagnostics;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests.Support;

/// <summary>
/// A universe repository with a released base on <c>main</c> (foo 0–1, bar 0) and a pull
/// request branch <c>pr</c> checked out, ready for the test's changes.
/// </summary>
public sealed class Scenario : IDisposable
{
    public Scenario()
    {
        Repository = new GitRepository();
        Repository.Package("foo", 0, "1.0.0").Package("foo", 1, "1.1.0").Package("bar", 0, "2.0.0")
            .Write("packages/F/foo/1/config.json", """{"type": "object", "properties": {}}""")
            .Write("README.md", "# A universe\n");
        BaseSha = Repository.Commit("base");
        Repository.Branch("pr");
    }

    public GitRepository Repository { get; }

    public string BaseSha { get; }

    public GitChangeResult.Found Changes()
    {
        Repository.Commit("pull request");
        return GitChangeReader.Read(Repository.Root, "main").Should().BeOfType<GitChangeResult.Found>().Subject;
    }

    public ChangeValidationResult Validate(params string[] labels)
    {
        var found = Changes();
        return ChangeValidation.Validate(Repository.Root, found.Changes, found.Base, labels);
    }

    /// <summary>"code severity file[:line:col]", the exact identity of a diagnostic.</summary>
    public static string Format(Diagnostic d) =>
        $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {d.File}{(d.Line > 0 ? $":{d.Line}:{d.Column}" : "")}";

    public void Dispose() => Repository.Dispose();
}
