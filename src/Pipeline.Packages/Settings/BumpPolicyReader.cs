using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Packages.Settings;

/// <summary>
/// Reads <c>policies.bump</c>: a list of entries, each with <c>packages</c> (names or <c>*</c>
/// globs), <c>repositories</c> (<c>owner/name</c>) and optionally <c>authors</c> (logins). An entry
/// with a wrong shape is reported on its line and skipped; the list still counts as written, so a
/// broken entry restricts bumps rather than opening them to everyone.
/// </summary>
internal static partial class BumpPolicyReader
{
    private const string Path = "policies.bump";

    /// <param name="line">The line of the <c>bump</c> key.</param>
    public static PolicySettings Read(SettingsNodeReader reader, int line, YamlNode node, PolicySettings policies)
    {
        policies = policies with { BumpDeclared = true, BumpLine = line };
        if (node is not YamlSequenceNode sequence)
        {
            reader.Problem(node, $"`{Path}` must be a list of {{packages, repositories, authors}}");
            return policies;
        }
        var rules = new List<BumpRule>();
        foreach (var item in sequence.Children)
        {
            if (Entry(reader, item) is { } rule) rules.Add(rule);
        }
        return policies with { Bump = rules };
    }

    private static BumpRule? Entry(SettingsNodeReader reader, YamlNode item)
    {
        if (reader.Mapping(item, $"{Path}[]") is not { } mapping) return null;
        IReadOnlyList<string>? packages = null, repositories = null, authors = [];
        var valid = true;
        foreach (var (key, value) in reader.Entries(mapping, $"{Path}[].", "packages", "repositories", "authors"))
        {
            // `authors:` left empty (or null) is the default, any author, as the schema has it.
            if (key == "authors" && value is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain }) continue;
            var list = List(reader, value, key);
            valid &= list is not null;
            switch (key)
            {
                case "packages": packages = list; break;
                case "repositories": repositories = list; break;
                default: authors = list; break;
            }
        }
        if (!valid) return null;
        if (packages is null || repositories is null)
        {
            reader.Problem(item, $"each entry of `{Path}` needs `packages` and `repositories`; the entry is ignored, so it allows no bump");
            return null;
        }
        return new BumpRule(packages, repositories, authors ?? []) { Line = (int)item.Start.Line };
    }

    /// <summary>A non-empty list of strings of the setting's form, or null after reporting why not.</summary>
    private static List<string>? List(SettingsNodeReader reader, YamlNode node, string key)
    {
        var (pattern, form) = key switch
        {
            "packages" => (PackagePattern(), "a package name or a glob of lowercase letters, digits, '-' and '*' (e.g. `kafka`, `kafka-*`)"),
            "repositories" => (RepositoryPattern(), "a GitHub repository `owner/name`"),
            _ => (LoginPattern(), "a GitHub login (e.g. `acme-release-bot`, `my-app[bot]`)"),
        };
        var where = $"`{Path}[].{key}`";
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            reader.Problem(node, $"{where} must be a non-empty list, each item {form}; the entry is ignored, so it allows no bump");
            return null;
        }
        var values = new List<string>();
        foreach (var child in sequence.Children)
        {
            if (child is YamlScalarNode { Value: { } text } && pattern.IsMatch(text))
            {
                values.Add(text);
                continue;
            }
            var shown = child is YamlScalarNode { Value: { } value } ? $"`{(value.Length > 100 ? value[..100] + "…" : value)}`" : "this item";
            reader.Problem(child, $"{shown} in {where} is not {form}; the entry is ignored, so it allows no bump");
            return null;
        }
        return values;
    }

    // Package names are [a-z][a-z0-9-]*; a glob adds '*'. Bounded, as a name is.
    [GeneratedRegex("^[a-z0-9*-]{1,100}$")]
    private static partial Regex PackagePattern();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryPattern();

    // A user's login, or a GitHub App's bot account (`name[bot]`), as pull_request.user.login gives it.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?$")]
    private static partial Regex LoginPattern();
}
