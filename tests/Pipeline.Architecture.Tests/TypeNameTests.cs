using System.Reflection;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// A public type's simple name means one thing: no two libraries export the same name, and none
/// takes a name that a namespace every file imports already gives to a BCL type, so a reader (or
/// a `using` added later) never has to ask which one is meant.
/// </summary>
public sealed class TypeNameTests
{
    /// <summary>Namespaces our code imports everywhere (implicit usings) or in most files.</summary>
    private static readonly string[] BclNamespaces =
    [
        "System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http",
        "System.Threading", "System.Threading.Tasks", "System.Text", "System.Text.Json",
        "System.Text.Json.Nodes", "System.Net", "System.Diagnostics", "System.Globalization",
    ];

    /// <summary>
    /// Every top-level type a library declares, internal ones included: an internal name that two
    /// libraries both use confuses a reader as much as a public one. Compiler-made types (names
    /// with angle brackets: file-local types, regex generators, private implementation details)
    /// are left out.
    /// </summary>
    private static IEnumerable<Type> PipelineTypes() =>
        LayeringTests.Floors.Keys
            .SelectMany(name => SourceProject.Named(name).Assembly.GetTypes())
            .Where(t => !t.IsNested && !t.Name.Contains('<') && t.Namespace?.StartsWith("Pipeline.", StringComparison.Ordinal) == true);

    [Fact]
    public void NoTwoLibrariesExportTheSameName()
    {
        var shared = PipelineTypes()
            .GroupBy(t => SimpleName(t))
            .Where(g => g.Select(t => t.Assembly).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}")
            .ToArray();
        string.Join(Environment.NewLine, shared).Should().BeEmpty();
    }

    [Fact]
    public void NoLibraryExportsABclName()
    {
        var bcl = new[] { typeof(object), typeof(Enumerable), typeof(HttpClient), typeof(System.Text.Json.JsonDocument), typeof(System.Text.Json.Nodes.JsonNode), typeof(System.Net.HttpStatusCode), typeof(System.Diagnostics.Stopwatch), typeof(System.Globalization.CultureInfo), typeof(System.Collections.Generic.List<>), typeof(System.Text.StringBuilder), typeof(System.IO.File), typeof(System.Threading.Tasks.Task) }
            .Select(t => t.Assembly)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name is { } n && (n.StartsWith("System.", StringComparison.Ordinal) || n == "netstandard")))
            .Distinct()
            .SelectMany(ExportedOrEmpty)
            .Where(t => t.Namespace is { } ns && BclNamespaces.Contains(ns))
            .Select(SimpleName)
            .ToHashSet(StringComparer.Ordinal);
        bcl.Should().Contain(["JsonValue", "HttpClient", "Path"], "the check must see the BCL it compares with");
        PipelineTypes()
            .Where(t => bcl.Contains(SimpleName(t)))
            .Select(t => t.FullName)
            .Should().BeEmpty();
    }

    private static IEnumerable<Type> ExportedOrEmpty(Assembly assembly)
    {
        try { return assembly.GetExportedTypes(); }
        catch (NotSupportedException) { return []; }
    }

    private static string SimpleName(Type type) => type.Name.Split('`')[0];
}
