using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Diagnostics.Tests;

/// <summary>
/// Every rule fires from one place, and the catalog says which file that is and which test class
/// proves it; this holds the catalog to the sources. A rule is emitted where src/ names its catalog
/// member for anything but reading a property (<c>RuleCatalog.X.Code</c> compares a code):
/// <c>RuleCatalog.X.At(…)</c> makes the diagnostic, and a rule handed on (<c>var rule =
/// RuleCatalog.X</c>, <c>Report(RuleCatalog.X, …)</c>) is handed on to be made into one. Rules
/// become diagnostics only through <see cref="Rule.At(string?, int, int, string, string?)"/>.
/// </summary>
public sealed partial class RuleEmitterTests
{
    private static readonly string[] RuleProperties = ["Code", "Family", "Severity", "Title", "Hint", "Name", "HelpUri", "Anchor", "CheckedIn", "ProvenBy"];

    [Fact]
    public void EveryRuleIsEmittedByTheFileItsCatalogEntryNamesAndNoOther()
    {
        var emitters = Emitters();
        var problems = new List<string>();
        foreach (var rule in RuleCatalog.All)
        {
            var found = emitters.GetValueOrDefault(rule.Code, []);
            if (!File.Exists(Path.Combine(RepositoryFolders.Root, rule.CheckedIn)))
            {
                problems.Add($"{rule.Code}: the catalog names `{rule.CheckedIn}`, which does not exist");
            }
            else if (!found.Contains(rule.CheckedIn))
            {
                problems.Add($"{rule.Code}: `{rule.CheckedIn}` does not emit it");
            }
            var others = found.Where(f => f != rule.CheckedIn);
            problems.AddRange(others.Select(f => $"{rule.Code}: also emitted by `{f}`"));
        }
        problems.Should().BeEmpty("one file emits each rule, the one its catalog entry names");
    }

    [Fact]
    public void EveryRuleIsProvenByATestClassThatExists()
    {
        var classes = TestClasses.Declared;
        RuleCatalog.All.Where(r => !classes.Contains(r.ProvenBy)).Select(r => $"{r.Code}: {r.ProvenBy}")
            .Should().BeEmpty("every rule names a test class under tests/ that holds tests");
    }

    [Fact]
    public void NoSourceNamesTheRulesInAWayTheScanCannotSee()
    {
        SourceFiles("src").Where(f => File.ReadAllText(f).Contains("using static Pipeline.Diagnostics.RuleCatalog", StringComparison.Ordinal))
            .Should().BeEmpty("a rule named without `RuleCatalog.` is an emission the catalog check cannot see");
    }

    [Fact]
    public void TheScanSeesEmissionsAndNotReads()
    {
        var lines = new[]
        {
            "diagnostics.Add(RuleCatalog.StrayFile.At(path, message));",
            "var rule = read.TooLarge ? RuleCatalog.FileTooLarge : Pipeline.Diagnostics.RuleCatalog.UnreadableFile;",
            "if (d.Code == RuleCatalog.NoPackages.Code) return;",
            "// RuleCatalog.Symlink.At(path, message) in a comment",
            "var all = RuleCatalog.All;",
        };

        lines.SelectMany(EmittedIn).Should().BeEquivalentTo(["UNI005", "UNI010", "UNI013"]);
    }

    /// <summary>For each rule code, the src/ files that emit it, '/'-separated from the repository root.</summary>
    private static Dictionary<string, HashSet<string>> Emitters()
    {
        var emitters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in SourceFiles("src"))
        {
            var relative = Path.GetRelativePath(RepositoryFolders.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var code in File.ReadLines(file).SelectMany(EmittedIn))
            {
                if (!emitters.TryGetValue(code, out var files)) emitters[code] = files = new HashSet<string>(StringComparer.Ordinal);
                files.Add(relative);
            }
        }
        return emitters;
    }

    private static IEnumerable<string> EmittedIn(string line)
    {
        if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) yield break;
        foreach (Match match in MemberReference().Matches(line))
        {
            if (!Rules.TryGetValue(match.Groups["member"].Value, out var rule)) continue;
            if (match.Groups["property"].Success && RuleProperties.Contains(match.Groups["property"].Value)) continue;
            yield return rule.Code;
        }
    }

    private static readonly Dictionary<string, Rule> Rules = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(Rule))
        .ToDictionary(f => f.Name, f => (Rule)f.GetValue(null)!, StringComparer.Ordinal);

    [GeneratedRegex(@"\bRuleCatalog\s*\.\s*(?<member>[A-Z]\w*)(?:\s*\.\s*(?<property>\w+)\b(?!\s*\())?")]
    private static partial Regex MemberReference();

    private static IEnumerable<string> SourceFiles(string top) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, top), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
