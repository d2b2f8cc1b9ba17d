namespace Pipeline.Changes.Base;

/// <summary>
/// The base branch's universe.yaml, which says what policies apply to a pull request: the pull
/// request's own copy must not decide them, as it could grant itself what it asks for.
/// </summary>
public sealed record SettingsOnBase
{
    private SettingsOnBase(SettingsOnBaseKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    public SettingsOnBaseKind Kind { get; }

    /// <summary>The file's text when <see cref="Kind"/> is <see cref="SettingsOnBaseKind.Read"/>.</summary>
    public string? Text { get; }

    /// <summary>Not known: no base commit was read, or its file could not be.</summary>
    public static SettingsOnBase Unknown { get; } = new(SettingsOnBaseKind.Unknown, null);

    /// <summary>The base has no universe.yaml: all defaults.</summary>
    public static SettingsOnBase Absent { get; } = new(SettingsOnBaseKind.Absent, null);

    /// <summary>The pull request leaves universe.yaml alone, so the head checkout's copy is the base's (a shallow clone).</summary>
    public static SettingsOnBase SameAsHead { get; } = new(SettingsOnBaseKind.SameAsHead, null);

    public static SettingsOnBase Read(string text) => new(SettingsOnBaseKind.Read, text);
}

public enum SettingsOnBaseKind
{
    Unknown,
    Absent,
    SameAsHead,
    Read,
}
