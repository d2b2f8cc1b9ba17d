namespace Pipeline.Repositories.Rendering;

/// <summary>
/// An option that breaks the package's options schema: its dotted <see cref="Path"/> ("" for the
/// whole options object), the schema <see cref="Rule"/> it breaks (required, type, enum, pattern,
/// minimum …), what is wrong, and the option's description from config.json when it has one.
/// </summary>
public sealed record OptionError(string Path, string Rule, string Message, string? Description)
{
    public override string ToString() =>
        $"{(Path.Length == 0 ? "(options)" : Path)}: {Message} [{Rule}]{(Description is null ? "" : $" — {Description}")}";
}
