using Pipeline.Packages.Reading;

namespace Pipeline.Packages.Settings;

/// <summary>universe.yaml past its size limit, or unreadable (<see cref="TooLarge"/> false); the defaults are used.</summary>
public sealed record UnreadableSettings(string Path, string Problem, bool TooLarge, long Limit) : LayoutFinding(Path);

/// <summary>A problem in universe.yaml at a line and column: not YAML, nested too deeply, or a setting that is wrong.</summary>
public sealed record SettingsProblem(string Path, int Line, int Column, SettingsProblemKind Kind, string Message) : LayoutFinding(Path);

public enum SettingsProblemKind
{
    InvalidSetting,
    InvalidYaml,
    TooDeep,
}
