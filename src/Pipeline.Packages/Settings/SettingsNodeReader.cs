using System.Globalization;
using Pipeline.Packages.Reading;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Packages.Settings;

/// <summary>Typed access to YAML nodes that records each problem at the node's line.</summary>
internal sealed class SettingsNodeReader(List<LayoutFinding> findings)
{
    public void Problem(YamlNode node, string message) =>
        findings.Add(new SettingsProblem(RepositorySettingsReader.FileName, (int)node.Start.Line, (int)node.Start.Column, SettingsProblemKind.InvalidSetting, message));

    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping, string prefix, params string[] known)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (Array.IndexOf(known, key) < 0)
            {
                Problem(keyNode, $"unknown setting `{prefix}{key}`; known settings here: {string.Join(", ", known.Select(k => prefix + k))}");
                continue;
            }
            yield return (key, value);
        }
    }

    public YamlMappingNode? Mapping(YamlNode node, string path)
    {
        if (node is YamlMappingNode mapping) return mapping;
        Problem(node, $"`{path}` must be a mapping");
        return null;
    }

    public string? String(YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar) return scalar.Value;
        Problem(node, $"`{path}` must be a string");
        return null;
    }

    public bool? Boolean(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value)) return value;
        Problem(node, $"`{path}` must be true or false");
        return null;
    }

    public int? Integer(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Problem(node, $"`{path}` must be an integer");
        return null;
    }
}
