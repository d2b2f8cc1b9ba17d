using System.Globalization;
using Pipeline.Packages.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Repositories.Configuration;

/// <summary>
/// Reads and writes the repositories file:
/// <code>
/// repositories:
///   - name: staging
///     location: https://example.com/universe/index.json
///     priority: 10
/// </code>
/// A missing or empty file is an empty configuration; a broken one is a problem naming the file,
/// line and column, never an exception.
/// </summary>
public static class RepositoryConfigFile
{
    private const string RepositoriesKey = "repositories";

    public static ConfigLoadResult Load(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path)) return new ConfigLoadResult(RepositoryConfig.Empty, null);
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigLoadResult(null, $"{path}: cannot be read: {e.Message}");
        }
        return Parse(text, path);
    }

    /// <param name="fileName">Names the file in problems.</param>
    public static ConfigLoadResult Parse(string text, string fileName)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException e)
        {
            return Fail(fileName, e.Start, $"not valid YAML: {Reason(e)}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some malformed scalars, without a position.
            return new ConfigLoadResult(null, $"{fileName}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0) return new ConfigLoadResult(RepositoryConfig.Empty, null);
        var root = stream.Documents[0].RootNode;
        if (IsNull(root)) return new ConfigLoadResult(RepositoryConfig.Empty, null);
        if (root is not YamlMappingNode mapping) return Fail(fileName, root.Start, $"expected a mapping with `{RepositoriesKey}:` at the top");

        var entries = new List<RepositoryEntry>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key != RepositoriesKey) return Fail(fileName, keyNode.Start, $"unknown key `{key}`; the file holds only `{RepositoriesKey}:`");
            if (IsNull(value)) continue;
            if (value is not YamlSequenceNode list) return Fail(fileName, value.Start, $"`{RepositoriesKey}` must be a list of repositories");
            foreach (var item in list.Children)
            {
                var entry = ReadEntry(item, fileName, out var problem);
                if (entry is null) return new ConfigLoadResult(null, problem);
                if (entries.Any(e => e.Name == entry.Name)) return Fail(fileName, item.Start, $"repository `{entry.Name}` is listed twice");
                entries.Add(entry);
            }
        }
        return new ConfigLoadResult(new RepositoryConfig(entries), null);
    }

    private static RepositoryEntry? ReadEntry(YamlNode item, string fileName, out string? problem)
    {
        problem = null;
        if (item is not YamlMappingNode fields)
        {
            problem = At(fileName, item.Start, "each repository must be a mapping with `name`, `location` and optionally `priority`");
            return null;
        }
        string? name = null, location = null;
        var priority = 0;
        foreach (var (keyNode, value) in fields.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            var scalar = (value as YamlScalarNode)?.Value;
            if (key is not ("name" or "location" or "priority"))
            {
                problem = At(fileName, keyNode.Start, $"unknown key `{key}` in a repository; expected `name`, `location` or `priority`");
                return null;
            }
            if (scalar is null || (value is YamlScalarNode { Style: ScalarStyle.Plain } && IsNull(value)))
            {
                problem = At(fileName, value.Start, $"`{key}` must be a single value");
                return null;
            }
            switch (key)
            {
                case "name":
                    name = scalar;
                    break;
                case "location":
                    location = scalar;
                    break;
                default:
                    if (!int.TryParse(scalar, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out priority))
                    {
                        problem = At(fileName, value.Start, $"`priority` must be a whole number, not `{scalar}`");
                        return null;
                    }
                    break;
            }
        }
        if (name is null || location is null)
        {
            problem = At(fileName, item.Start, $"a repository needs {(name is null ? "a `name`" : "a `location`")}");
            return null;
        }
        if (RepositoryConfig.NameProblem(name) is { } bad)
        {
            problem = At(fileName, item.Start, bad);
            return null;
        }
        return new RepositoryEntry(name, location, priority);
    }

    /// <summary>Writes the configuration atomically, creating the folder when needed.</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Save(string path, RepositoryConfig config)
    {
        var list = new YamlSequenceNode();
        foreach (var entry in config.Repositories)
        {
            list.Add(new YamlMappingNode(
                new YamlScalarNode("name"), Quoted(entry.Name),
                new YamlScalarNode("location"), Quoted(entry.Location),
                new YamlScalarNode("priority"), new YamlScalarNode(entry.Priority.ToString(CultureInfo.InvariantCulture))));
        }
        var document = new YamlDocument(new YamlMappingNode(new YamlScalarNode(RepositoriesKey), list));
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine("# Package repositories for `universe`; the highest priority resolves a package name first.");
        text.WriteLine("# Edit with `universe repo add|remove|list`.");
        new YamlStream(document).Save(text, assignAnchors: false);
        var yaml = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (yaml.EndsWith("...\n", StringComparison.Ordinal)) yaml = yaml[..^4];

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temporary, yaml);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Values are quoted so a name like <c>yes</c> or a location with <c>#</c> reads back as the same string.</summary>
    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is given separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private static ConfigLoadResult Fail(string fileName, Mark mark, string message) => new(null, At(fileName, mark, message));

    private static string At(string fileName, Mark mark, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{mark.Line}:{mark.Column}: {message}");
}
