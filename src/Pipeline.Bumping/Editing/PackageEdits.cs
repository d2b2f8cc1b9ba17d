using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Bumping.Editing;

/// <summary>
/// What a bump changes in package.json besides <c>--set</c>: <c>version</c>; the previous version
/// added to <c>upgradesFrom</c> when the package lists versions there (not when it lists "*",
/// which already takes every version); <c>lastUpdated</c>, when present, set to now in seconds
/// since the epoch as Universe's tooling writes it.
/// </summary>
internal static class PackageEdits
{
    public static void Apply(JsonFile package, string previousVersion, string version, DateTimeOffset now, List<string> changes)
    {
        package.Root["version"] = version;
        changes.Add($"version {previousVersion} → {version}");
        if (package.Root["upgradesFrom"] is JsonArray upgradesFrom)
        {
            var listed = upgradesFrom.Where(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            if (!listed.Contains(previousVersion) && !listed.Contains("*"))
            {
                upgradesFrom.Add((JsonNode?)JsonValue.Create(previousVersion)); // the JsonNode overload: the generic one is not trim-safe
                changes.Add($"upgradesFrom adds {previousVersion}");
            }
        }
        if (package.Root.ContainsKey("lastUpdated"))
        {
            var seconds = now.ToUnixTimeSeconds();
            package.Root["lastUpdated"] = seconds;
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"lastUpdated {seconds}"));
        }
        package.Changed = true;
    }

    /// <exception cref="BumpRefusal">The path goes through something that is not an object, or sets what the bump owns.</exception>
    public static void Set(IReadOnlyDictionary<string, JsonFile> files, FileSetting setting, List<string> changes)
    {
        var option = $"--set {Planning.PackageFolder.Shown(setting.File == "package.json" ? "" : setting.File + ":")}{Planning.PackageFolder.Shown(setting.Path)}";
        if (setting.TouchesIdentity) throw new BumpRefusal($"{option}: the package's {setting.Path} is not set this way (the version comes from --version)");
        if (!files.TryGetValue(setting.File, out var file)) throw new BumpRefusal($"{option}: the latest revision has no {setting.File}");
        if (JsonFile.Locate(file.Root, setting.Path) is not var (parent, member))
        {
            throw new BumpRefusal($"{option}: a step of `{Planning.PackageFolder.Shown(setting.Path)}` in {setting.File} is not an object, so nothing can be set under it");
        }
        parent[member] = JsonFile.ValueOf(setting.Value, parent[member]);
        file.Changed = true;
        changes.Add($"{setting.File} {setting.Path} = {Planning.PackageFolder.Shown(setting.Value)}");
    }
}
