using Pipeline.Diagnostics;

namespace Pipeline.Validation.Files;

/// <summary>
/// UNI106 for both YAML documents the validator parses: universe.yaml (worded by
/// <see cref="Layout.LayoutRules"/>) and a rendered descriptor (by <see cref="Templates.DescriptorChecker"/>).
/// </summary>
public static class YamlDepth
{
    public static Diagnostic TooDeep(string file, int line, int column, string message) =>
        RuleCatalog.YamlTooDeep.At(file, line, column, message);
}
