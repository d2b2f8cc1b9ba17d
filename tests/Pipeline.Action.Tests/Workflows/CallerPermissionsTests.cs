using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Action.Tests.Workflows;

/// <summary>
/// GitHub checks the permissions a called workflow's jobs ask for against the caller's grant when
/// the run starts, before any <c>if:</c> is evaluated: a scope a job asks for and the documented
/// caller line lacks makes every downstream run fail to start, even when that job would be skipped.
/// So every caller line we document grants at least what every job of universe.yml asks for.
/// </summary>
public sealed partial class CallerPermissionsTests
{
    [Fact]
    public void TheCheckerFindsAScopeTheCallerLineLacks()
    {
        const string workflow = """
            on: workflow_call
            jobs:
              scan:
                permissions: { security-events: write, contents: read }
                if: inputs.scan
            """;

        Missing(workflow, "{ contents: write }").Should().Equal("security-events: write");
        Missing(workflow, "{ contents: read, security-events: read }").Should().Equal("security-events: write");
        Missing(workflow, "{ contents: read, security-events: write }").Should().BeEmpty();
    }

    [Fact]
    public void EveryDocumentedCallerGrantsWhatEveryJobOfTheReusableWorkflowAsksFor()
    {
        var root = Pipeline.Testing.RepositoryFolders.Root;
        var workflow = File.ReadAllText(Path.Combine(root, ".github", "workflows", "universe.yml"));
        var callers = CallerLine().Matches(workflow)
            .Concat(CallerLine().Matches(File.ReadAllText(Path.Combine(root, "README.md"))))
            .Select(m => m.Groups["grant"].Value)
            .ToList();
        callers.Count.Should().BeGreaterThanOrEqualTo(3, "universe.yml's header and the README's examples document the caller's permissions");

        foreach (var grant in callers)
        {
            Missing(workflow, grant).Should().BeEmpty($"the caller line `{grant}` must cover every job's permissions");
        }
    }

    /// <summary>The scopes some job of <paramref name="workflow"/> asks for beyond <paramref name="grant"/>, as "scope: level".</summary>
    private static List<string> Missing(string workflow, string grant)
    {
        var granted = Scopes(Load(grant));
        var missing = new List<string>();
        var jobs = (YamlMappingNode)((YamlMappingNode)Load(workflow))["jobs"];
        foreach (var job in jobs.Children.Values.OfType<YamlMappingNode>())
        {
            if (!job.Children.TryGetValue("permissions", out var asked)) continue;
            foreach (var (scope, level) in Scopes(asked))
            {
                var has = granted.GetValueOrDefault(scope, "none");
                if (Rank(has) < Rank(level)) missing.Add($"{scope}: {level}");
            }
        }
        return missing;
    }

    private static Dictionary<string, string> Scopes(YamlNode node) =>
        node is YamlMappingNode map
            ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal)
            : [];

    private static int Rank(string level) => level switch { "write" => 2, "read" => 1, _ => 0 };

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"permissions: (?<grant>\{ [^}\n]+\})")]
    private static partial Regex CallerLine();
}
