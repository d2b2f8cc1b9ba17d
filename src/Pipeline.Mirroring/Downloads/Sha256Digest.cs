using System.Security.Cryptography;

namespace Pipeline.Mirroring.Downloads;

/// <summary>SHA-256 digests as resource.json writes them: 64 hexadecimal digits, either case.</summary>
public static class Sha256Digest
{
    /// <summary>The digest in lower case, or null when <paramref name="text"/> is not 64 hex digits.</summary>
    public static string? Normalize(string? text) =>
        text is { Length: 64 } && text.All(char.IsAsciiHexDigit) ? text.ToLowerInvariant() : null;

    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
