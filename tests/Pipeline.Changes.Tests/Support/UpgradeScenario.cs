using Pipeline.Changes.Git;
using Pipeline.Diagnostics;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests.Support;

/// <summary>
/// A universe with revision 0 (1.0.0) of `foo` released on <c>main</c> with a given config.json,
/// and a pull request that adds revision 1 (1.1.0) with another: the upgrade 0 → 1.
/// </summary>
public sealed class UpgradeScenario : IDisposable
{
    public const string Previous = "packages/F/foo/0";
    public const string Next = "packages/F/foo/1";

    // Line 3, column 17 is the `{` of the root's "properties".
    public const string PortAndName = """
        {
          "type": "object",
          "properties": {
            "port": {"type": "integer", "default": 8080, "maximum": 65535},
            "name": {"type": "string", "default": "foo"}
          }
        }
        """;

    /// <summary>The upgrade from <paramref name="previous"/> to <paramref name="next"/> config.json in a scenario of its own.</summary>
    public static (string[] Findings, Diagnostic[] Diagnostics) Upgrading(string? previous, string? next, string? upgradesFrom = null, string? label = null)
    {
        using var scenario = new UpgradeScenario(previous);
        var result = scenario.Upgrade(next, upgradesFrom, label);
        return (UpgradeScenario.Findings(result), [.. UpgradeScenario.Upgrades(result)]);
    }

    /// <summary>A config.json with only <paramref name="property"/> (written on line 4) under the root's properties.</summary>
    public static string Only(string property) => $$"""
        {
          "type": "object",
          "properties": {
            {{property}}
          }
        }
        """;

    public UpgradeScenario(string? previousConfig)
    {
        Repository = new GitRepository();
        Repository.Package("foo", 0, "1.0.0");
        if (previousConfig is not null) Repository.Write($"{Previous}/config.json", previousConfig);
        Repository.Commit("base");
        Repository.Branch("pr");
    }

    public GitRepository Repository { get; }

    /// <summary>Adds revision 1 with <paramref name="nextConfig"/> (none when null) and validates the pull request.</summary>
    /// <param name="upgradesFrom">The new package.json's upgradesFrom, as JSON; none when null.</param>
    public ChangeValidationResult Upgrade(string? nextConfig, string? upgradesFrom = null, string? label = null)
    {
        var package = GitRepository.PackageJson("foo", "1.1.0");
        if (upgradesFrom is not null) package = package.Replace("\"tags\"", $"\"upgradesFrom\": {upgradesFrom},\n  \"tags\"", StringComparison.Ordinal);
        Repository.Write($"{Next}/package.json", package);
        if (nextConfig is not null) Repository.Write($"{Next}/config.json", nextConfig);
        Repository.Commit("pull request");
        var found = GitChangeReader.Read(Repository.Root, "main").Should().BeOfType<GitChangeResult.Found>().Subject;
        string[] labels = label is null ? [] : [label];
        return ChangeValidation.Validate(Repository.Root, found.Changes, found.Base, labels, allowEditLabel: "allow-edit");
    }

    /// <summary>The upgrade findings (UNI407–UNI411), as "code severity file:line:col".</summary>
    public static string[] Findings(ChangeValidationResult result) =>
        [.. Upgrades(result).Select(Scenario.Format)];

    public static IEnumerable<Diagnostic> Upgrades(ChangeValidationResult result) =>
        result.Report.Diagnostics.Where(d => string.CompareOrdinal(d.Code, "UNI407") >= 0 && string.CompareOrdinal(d.Code, "UNI411") <= 0);

    public void Dispose() => Repository.Dispose();
}
