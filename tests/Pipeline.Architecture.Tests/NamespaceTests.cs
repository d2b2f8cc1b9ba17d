using System.Text.RegularExpressions;
using Pipeline.Testing;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// A type's namespace says where its file is: src/Pipeline.Json/Schema/Keywords/X.cs is
/// Pipeline.Json.Schema.Keywords, tests/Pipeline.Json.Tests/Dom/X.cs is Pipeline.Json.Tests.Dom.
/// </summary>
public sealed partial class NamespaceTests
{
    [Theory]
    [InlineData("src")]
    [InlineData("tests")]
    public void NamespacesFollowFolders(string top)
    {
        var src = Path.Combine(RepositoryFolders.Root, top);
        var astray = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(src, file).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(segment => segment is "bin" or "obj" or "TestResults"))
            .Select(relative => (File: relative, Declared: Declared(Path.Combine(src, relative)), Expected: Path.GetDirectoryName(relative)!.Replace('\\', '/').Replace('/', '.')))
            .Where(f => f.Declared is not null && f.Declared != f.Expected)
            .Select(f => $"{f.File}: namespace {f.Declared}, folder says {f.Expected}")
            .ToArray();
        string.Join(Environment.NewLine, astray).Should().BeEmpty();
    }

    [Fact]
    public void TheCheckReadsFileScopedAndBlockNamespaces()
    {
        Declared("namespace Pipeline.Json.Dom;\n").Should().Be("Pipeline.Json.Dom");
        Declared("// namespace Wrong;\nnamespace Pipeline.Json {\n}").Should().Be("Pipeline.Json");
        Declared("global using System;\n").Should().BeNull();
    }

    private static string? Declared(string pathOrText)
    {
        var text = File.Exists(pathOrText) ? File.ReadAllText(pathOrText) : pathOrText;
        var match = NamespaceLine().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
