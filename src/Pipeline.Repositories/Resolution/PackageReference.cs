namespace Pipeline.Repositories.Resolution;

/// <summary><c>NAME</c> or <c>NAME@VERSION</c> as a user types it.</summary>
public sealed record PackageReference(string Name, string? Version)
{
    /// <summary>Parses the reference, or returns null when the name or the version is empty.</summary>
    public static PackageReference? Parse(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? text : text[..at]).Trim();
        var version = at < 0 ? null : text[(at + 1)..].Trim();
        if (name.Length == 0 || version is { Length: 0 }) return null;
        return new PackageReference(name, version);
    }

    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
