using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pipeline.Mirroring.Images;

/// <summary>
/// A content digest, <c>sha256:</c> and 64 lower-case hex digits: the only algorithm accepted, as
/// every registry in use writes it, so every manifest and blob copied is checked against it.
/// </summary>
public sealed partial record ImageDigest(string Hex)
{
    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Pattern();

    public override string ToString() => "sha256:" + Hex;

    public static ImageDigest? Parse(string? text) => text is not null && Pattern().IsMatch(text) ? new ImageDigest(text[7..]) : null;

    public static ImageDigest Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));
}
