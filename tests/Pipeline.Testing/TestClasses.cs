using System.Text.RegularExpressions;

namespace Pipeline.Testing;

/// <summary>
/// The test classes under tests/, by full name, read from the sources: what the rule catalog and
/// the printed-command checks name as the class that proves something, whichever test project
/// holds it (no test project references another, so reflection cannot see them all).
/// </summary>
public static partial class TestClasses
{
    private static readonly Lazy<IReadOnlySet<string>> All = new(Find);

    /// <summary>Every class declared in a file under tests/ that holds a [Fact] or [Theory], or one of their kind ([ContainerFact]).</summary>
    public static IReadOnlySet<string> Declared => All.Value;

    private static HashSet<string> Find()
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        var tests = Path.Combine(RepositoryFolders.Root, "tests");
        var built = new[] { $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}" };
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories).Where(f => !built.Any(b => f.Contains(b, StringComparison.Ordinal))))
        {
            var text = File.ReadAllText(file);
            if (!TestAttribute().IsMatch(text)) continue;
            if (FileNamespace().Match(text) is not { Success: true } ns) continue;
            foreach (Match declared in ClassDeclaration().Matches(text)) classes.Add($"{ns.Groups[1].Value}.{declared.Groups[1].Value}");
        }
        return classes;
    }

    [GeneratedRegex(@"\[\w*(Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\bclass\s+(\w+)")]
    private static partial Regex ClassDeclaration();
}
