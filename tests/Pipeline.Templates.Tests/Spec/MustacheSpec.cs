using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Pipeline.Testing;

namespace Pipeline.Templates.Tests.Spec;

/// <summary>
/// The Mustache spec in ../shared (specs/*.json: each test a template, its data, the expected output,
/// and for partials the partial templates), read once per run.
/// </summary>
internal static class MustacheSpec
{
    public const string MissingReason = "needs the Mustache spec in ../shared/conformance/mustache-spec beside the checkout";

    private static readonly ConcurrentDictionary<string, JsonArray> Files = new(StringComparer.Ordinal);

    public static string Folder { get; } = Path.Combine(RepositoryFolders.Shared, "conformance", "mustache-spec", "specs");

    public static bool IsPresent => Directory.Exists(Folder);

    public static IEnumerable<string> FileNames() => IsPresent
        ? Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!
        : [];

    /// <summary>The file's tests in order (names are not unique: ~inheritance.json repeats one).</summary>
    public static IEnumerable<(int Index, string Name)> TestNames(string file) =>
        Tests(file).Select((test, index) => (index, test!["name"]!.GetValue<string>()));

    public static JsonObject Test(string file, int index) => (JsonObject)Tests(file)[index]!;

    private static JsonArray Tests(string file) =>
        Files.GetOrAdd(file, name => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name)))!["tests"]!.AsArray());
}

/// <summary>A fact over the Mustache spec in ../shared, skipped, saying so, without it.</summary>
public sealed class MustacheSpecFactAttribute : FactAttribute
{
    public MustacheSpecFactAttribute()
    {
        if (!MustacheSpec.IsPresent) Skip = MustacheSpec.MissingReason;
    }
}

/// <summary>A theory over the Mustache spec in ../shared, skipped, saying so, without it.</summary>
public sealed class MustacheSpecTheoryAttribute : TheoryAttribute
{
    public MustacheSpecTheoryAttribute()
    {
        if (!MustacheSpec.IsPresent) Skip = MustacheSpec.MissingReason;
    }
}
