namespace Pipeline.Action.Tests.Release;

/// <summary>The release scripts are strict bash, pass shellcheck, and each one is used.</summary>
public sealed class ScriptLintTests
{
    private static readonly string[] Scripts = Directory.GetFiles(ReleaseScript.Folder, "*.sh").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void EveryScriptStopsAtTheFirstFailureAndIsUsed()
    {
        Scripts.Should().NotBeEmpty();
        var workflow = File.ReadAllText(Path.Combine(ReleaseScript.Folder, "..", "workflows", "release.yml"));
        foreach (var script in Scripts)
        {
            var name = Path.GetFileName(script);
            File.ReadAllLines(script).Should().Contain("set -euo pipefail", $"{name} must stop at the first failing command");
            var users = Scripts.Where(s => s != script).Select(File.ReadAllText).Prepend(workflow);
            users.Should().Contain(text => text.Contains(name, StringComparison.Ordinal), $"{name} is run by release.yml or another release script");
        }
    }

    [ShellcheckFact]
    public async Task ShellcheckFindsNothing()
    {
        var result = await ReleaseScript.RunProgramAsync("shellcheck", Scripts);

        result.ExitCode.Should().Be(0, result.ToString());
    }

    /// <summary>Skipped, saying so, where shellcheck is not installed (apt-get install shellcheck).</summary>
    public sealed class ShellcheckFactAttribute : FactAttribute
    {
        public ShellcheckFactAttribute()
        {
            var path = Environment.GetEnvironmentVariable("PATH") ?? "";
            if (!path.Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, "shellcheck"))))
            {
                Skip = "needs shellcheck on PATH to lint .github/release/*.sh (apt-get install shellcheck)";
            }
        }
    }
}
