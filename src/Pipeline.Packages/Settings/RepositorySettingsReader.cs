using Pipeline.Packages.Reading;
using Pipeline.Packages.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Packages.Settings;

/// <summary>
/// Reads <c>universe.yaml</c>. Unknown keys and wrong types are recorded as findings on the line
/// they are on (Validation's layout rules word them); the setting keeps its default and reading goes on.
/// </summary>
public static class RepositorySettingsReader
{
    public const string FileName = "universe.yaml";

    /// <summary>The largest universe.yaml read, here and from a base commit.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static RepositorySettings Read(string root, List<LayoutFinding> findings)
    {
        var defaults = new RepositorySettings { Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) };
        var path = Path.Combine(root, FileName);
        var info = new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null) return defaults;
        if (TreeLink.Refusal(info, root, FileName) is { } refusal)
        {
            findings.Add(new RefusedLink(FileName, refusal));
            return defaults;
        }
        var read = BoundedFile.Read(path, MaxBytes);
        if (read.Content is not { } content)
        {
            findings.Add(new UnreadableSettings(FileName, read.Problem ?? "", read.TooLarge, MaxBytes));
            return defaults;
        }
        // As File.ReadAllText decodes: UTF-8 unless a byte order mark says otherwise.
        using var decoder = new StreamReader(new MemoryStream(content), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = decoder.ReadToEnd();
        return Parse(text, defaults, findings);
    }

    public static RepositorySettings Parse(string text, RepositorySettings defaults, List<LayoutFinding> findings)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlTooDeepException e)
        {
            findings.Add(new SettingsProblem(FileName, (int)e.Start.Line, (int)e.Start.Column, SettingsProblemKind.TooDeep, e.Message));
            return defaults;
        }
        catch (YamlException e)
        {
            findings.Add(new SettingsProblem(FileName, (int)e.Start.Line, (int)e.Start.Column, SettingsProblemKind.InvalidYaml, e.Message));
            return defaults;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return defaults;
        }
        var reader = new SettingsNodeReader(findings);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            reader.Problem(stream.Documents[0].RootNode, "the top level of universe.yaml must be a mapping of settings");
            return defaults;
        }
        var settings = defaults;
        foreach (var (key, value) in reader.Entries(root, "", "name", "description", "site", "policies", "upstreams"))
        {
            settings = key switch
            {
                "name" => settings with { Name = reader.String(value, key) ?? settings.Name },
                "description" => settings with { Description = reader.String(value, key) },
                "site" => settings with { Site = ReadSite(reader, value, settings.Site) },
                "policies" => settings with { Policies = ReadPolicies(reader, value, settings.Policies) },
                "upstreams" => settings with { Upstreams = ReadUpstreams(reader, value) },
                _ => settings,
            };
        }
        return settings;
    }

    private static SiteSettings ReadSite(SettingsNodeReader reader, YamlNode node, SiteSettings site)
    {
        if (reader.Mapping(node, "site") is not { } mapping) return site;
        foreach (var (key, value) in reader.Entries(mapping, "site.", "title", "baseUrl"))
        {
            site = key == "title" ? site with { Title = reader.String(value, "site.title") } : site with { BaseUrl = reader.String(value, "site.baseUrl") };
        }
        return site;
    }

    private static PolicySettings ReadPolicies(SettingsNodeReader reader, YamlNode node, PolicySettings policies)
    {
        if (reader.Mapping(node, "policies") is not { } mapping) return policies;
        foreach (var (key, value) in reader.Entries(mapping, "policies.", "httpsOnly", "asciiOnly", "allowEditLabel", "bump"))
        {
            policies = key switch
            {
                "httpsOnly" => policies with { HttpsOnly = reader.Boolean(value, "policies.httpsOnly") ?? policies.HttpsOnly },
                "asciiOnly" => policies with { AsciiOnly = reader.Boolean(value, "policies.asciiOnly") ?? policies.AsciiOnly },
                "bump" => BumpPolicyReader.Read(reader, KeyLine(mapping, key), value, policies),
                _ => policies with { AllowEditLabel = reader.String(value, "policies.allowEditLabel") ?? policies.AllowEditLabel },
            };
        }
        return policies;
    }

    /// <summary>The line of a key in a mapping, where findings about the whole setting point.</summary>
    private static int KeyLine(YamlMappingNode mapping, string key) =>
        (int)mapping.Children.Keys.First(k => k is YamlScalarNode { Value: { } v } && v == key).Start.Line;

    private static List<UpstreamRepository> ReadUpstreams(SettingsNodeReader reader, YamlNode node)
    {
        var upstreams = new List<UpstreamRepository>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Problem(node, "`upstreams` must be a list of {name, url, priority}");
            return upstreams;
        }
        foreach (var item in sequence.Children)
        {
            if (reader.Mapping(item, "upstreams[]") is not { } mapping) continue;
            string? name = null, url = null;
            var priority = 0;
            foreach (var (key, value) in reader.Entries(mapping, "upstreams[].", "name", "url", "priority"))
            {
                switch (key)
                {
                    case "name": name = reader.String(value, "upstreams[].name"); break;
                    case "url": url = reader.String(value, "upstreams[].url"); break;
                    default: priority = reader.Integer(value, "upstreams[].priority") ?? 0; break;
                }
            }
            if (name is null || url is null)
            {
                reader.Problem(item, "each upstream needs a `name` and a `url`");
                continue;
            }
            upstreams.Add(new UpstreamRepository(name, url, priority));
        }
        return upstreams;
    }
}
