namespace Pipeline.Mirroring.Images;

/// <summary>An image's platform, <c>os/architecture[/variant]</c>, as <c>--platform</c> names it and an index's entries declare it.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    /// <summary>The platform, or null when <paramref name="text"/> is not two or three non-empty parts.</summary>
    public static ImagePlatform? Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace))) return null;
        return new ImagePlatform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Whether an index entry for <paramref name="other"/> is what this selection asks for; no variant asked means any.</summary>
    public bool Selects(ImagePlatform other) =>
        Os == other.Os && Architecture == other.Architecture && (Variant is null || Variant == other.Variant);
}
