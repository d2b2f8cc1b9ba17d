using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Changes.Tests.Support;
using Pipeline.Diagnostics;
using Pipeline.Testing;
using Pipeline.Testing.Git;

namespace Pipeline.Changes.Tests;

/// <summary>
/// The upgrade rules on a real package: Universe's `kafka` (57 revisions) released on <c>main</c>,
/// and a pull request that adds a copy of its latest revision, changed.
/// </summary>
public sealed class UpgradeCorpusTests : IDisposable
{
    private const string Kafka = "packages/K/kafka";
    private readonly GitRepository _repository = new();
    private readonly int _latest;
    private readonly string _latestConfig = "";
    private readonly string _latestVersion = "";

    public UpgradeCorpusTests()
    {
        if (SharedCorpus.MissingReason is not null) return;
        var source = Path.Combine(SharedCorpus.Packages, "K", "kafka");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            _repository.Write($"{Kafka}/{Path.GetRelativePath(source, file).Replace('\\', '/')}", File.ReadAllText(file));
        }
        _latest = Directory.EnumerateDirectories(source).Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).Max();
        _latestConfig = File.ReadAllText(Path.Combine(source, _latest.ToString(CultureInfo.InvariantCulture), "config.json"));
        _latestVersion = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(source, _latest.ToString(CultureInfo.InvariantCulture), "package.json")))!["version"]!;
        _repository.Commit("Universe's kafka");
        _repository.Branch("pr");
    }

    public void Dispose() => _repository.Dispose();

    private string Next => $"{Kafka}/{_latest + 1}";

    /// <summary>Adds the latest revision again as the next one, with a new version that upgrades from it, and <paramref name="config"/>.</summary>
    private ChangeValidationResult Propose(string config)
    {
        var latest = $"{Kafka}/{_latest}";
        foreach (var name in new[] { "marathon.json.mustache", "resource.json" })
        {
            _repository.Write($"{Next}/{name}", File.ReadAllText(Path.Combine(_repository.Root, latest, name)));
        }
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(_repository.Root, latest, "package.json")))!.AsObject();
        var previousVersion = (string)package["version"]!;
        package["version"] = $"{previousVersion}-next";
        package["upgradesFrom"]!.AsArray().Add(previousVersion);
        _repository.Write($"{Next}/package.json", package.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        _repository.Write($"{Next}/config.json", config);
        _repository.Commit("new revision");
        var found = Git.GitChangeReader.Read(_repository.Root, "main").Should().BeOfType<Git.GitChangeResult.Found>().Subject;
        return ChangeValidation.Validate(_repository.Root, found.Changes, found.Base, []);
    }

    [CorpusFact]
    public void RemovingAnOptionFailsWithTheRuleNamingTheOptionAndTheLine()
    {
        var lines = _latestConfig.Split('\n').ToList();
        var user = lines.FindIndex(l => l.TrimStart().StartsWith("\"user\": {", StringComparison.Ordinal));
        var end = lines.FindIndex(user, l => l == new string(' ', lines[user].IndexOf('"', StringComparison.Ordinal)) + "},");
        lines.RemoveRange(user, end - user + 1);
        // Where service's "properties" opens: the rule points there.
        var properties = lines.FindIndex(lines.FindIndex(l => l.Contains("\"service\": {", StringComparison.Ordinal)), l => l.Contains("\"properties\": {", StringComparison.Ordinal));
        var column = lines[properties].IndexOf('{', StringComparison.Ordinal) + 1;

        var result = Propose(string.Join('\n', lines));

        var upgrade = UpgradeScenario.Upgrades(result).ToArray();
        upgrade.Select(Scenario.Format).Should().Equal($"UNI407 error {Next}/config.json:{properties + 1}:{column}");
        upgrade[0].Message.Should().Be($"option `service.user` of revision {_latest} ({_latestVersion}) is removed");
        result.Report.Diagnostics.Where(d => d.Severity == Severity.Error).Should().ContainSingle("the removal is what fails the pull request");
    }

    [CorpusFact]
    public void ChangingOnlyADefaultPassesWithANote()
    {
        var config = _latestConfig.Replace("\"default\": \"nobody\"", "\"default\": \"kafka\"", StringComparison.Ordinal);
        config.Should().NotBe(_latestConfig);

        var result = Propose(config);

        var upgrade = UpgradeScenario.Upgrades(result).ToArray();
        upgrade.Select(d => $"{d.Code} {d.Severity}").Should().Equal("UNI411 Note");
        upgrade[0].Message.Should().Be($"the default of option `service.user` changes from \"nobody\" in revision {_latest} ({_latestVersion}) to \"kafka\"");
        result.Report.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
    }
}
