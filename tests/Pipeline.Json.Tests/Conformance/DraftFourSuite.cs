using System.Collections.Concurrent;
using Pipeline.Json.Dom;
using Pipeline.Json.Parsing;
using Pipeline.Json.Schema;
using Pipeline.Testing;

namespace Pipeline.Json.Tests.Conformance;

/// <summary>
/// The JSON-Schema-Test-Suite's draft 4 cases in ../shared (each file holds cases: a schema and tests
/// of an instance that is valid or not), read once per run and run against <see cref="JsonSchema"/>.
/// </summary>
internal static class DraftFourSuite
{
    public const string MissingReason = "needs the JSON-Schema-Test-Suite in ../shared/conformance/json-schema-test-suite beside the checkout";

    private static readonly ConcurrentDictionary<string, JsonDatum> Files = new(StringComparer.Ordinal);

    public static string Folder { get; } = Path.Combine(RepositoryFolders.Shared, "conformance", "json-schema-test-suite");

    public static string Tests { get; } = Path.Combine(Folder, "tests", "draft4");

    public static bool IsPresent => Directory.Exists(Tests);

    private static SchemaOptions Options { get; } = new() { RemoteDocuments = new SuiteRemotes(Folder) };

    /// <summary>The suite's files under <paramref name="folder"/> (relative to tests/draft4), by relative path with '/'.</summary>
    public static IEnumerable<string> FileNames(string folder, bool recursive = false)
    {
        if (!IsPresent) return [];
        var root = Path.Combine(Tests, folder);
        return Directory.EnumerateFiles(root, "*.json", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(path => Path.GetRelativePath(Tests, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>One row per test of every case in the file: (file, case index, test index, what it checks).</summary>
    public static IEnumerable<(string File, int Case, int Test, string Description)> Rows(string file)
    {
        var cases = File(file).ItemArray;
        for (var c = 0; c < cases.Length; c++)
        {
            var tests = cases[c]["tests"]!.ItemArray;
            for (var t = 0; t < tests.Length; t++) yield return (file, c, t, $"{cases[c]["description"]!.String} / {tests[t]["description"]!.String}");
        }
    }

    /// <summary>Whether the validator's verdict on the test's instance is the one the suite expects.</summary>
    public static bool Passes(string file, int @case, int test)
    {
        var suiteCase = File(file).ItemArray[@case];
        var suiteTest = suiteCase["tests"]!.ItemArray[test];
        var loaded = JsonSchema.Load(suiteCase["schema"]!, Options);
        if (loaded.Schema is null) return false;
        var valid = loaded.Schema.Validate(suiteTest["data"]!).Count == 0;
        return valid == suiteTest["valid"]!.Boolean;
    }

    private static JsonDatum File(string file) => Files.GetOrAdd(file, name => Parse(Path.Combine(Tests, name)));

    public static JsonDatum Parse(string path)
    {
        var parsed = JsonParser.Parse(System.IO.File.ReadAllBytes(path));
        parsed.Problems.Should().BeEmpty(path);
        return parsed.Root!;
    }
}
