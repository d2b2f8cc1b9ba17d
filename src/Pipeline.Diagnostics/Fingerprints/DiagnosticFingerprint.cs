using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Diagnostics.Fingerprints;

/// <summary>
/// A stable name for what a diagnostic found, independent of where in its file it sits: the rule
/// code, the file and the message with every position in it blanked ("first at line 12" and
/// "rendered line 40" become "line #"). An edit elsewhere in the file moves a finding without
/// changing its fingerprint; several identical findings in one file share one and are counted.
/// The baseline keys accepted findings by it and SARIF carries it as a partial fingerprint.
/// </summary>
public static partial class DiagnosticFingerprint
{
    /// <summary>Hex digits kept of the SHA-256: 64 bits, ample for the findings of one file.</summary>
    public const int Length = 16;

    public static string Of(Diagnostic diagnostic) => Of(diagnostic.Code, diagnostic.File, diagnostic.Message);

    public static string Of(string code, string? file, string message)
    {
        // A baseline fingerprints every finding of the files it names (thousands on a big tree):
        // one UTF-8 buffer, no intermediate strings.
        var text = Positionless(message);
        var length = Encoding.UTF8.GetMaxByteCount(code.Length + (file?.Length ?? 0) + text.Length + 2);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var written = Encoding.UTF8.GetBytes(code, buffer);
        buffer[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(file ?? "", buffer[written..]);
        buffer[written++] = (byte)'\n';
        written += Encoding.UTF8.GetBytes(text, buffer[written..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..written], hash);
        if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    /// <summary>The message with the numbers of lines and columns it names replaced by '#'.</summary>
    public static string Positionless(string message) =>
        // Most messages name no position; the regex runs only on those that may.
        message.Contains("line", StringComparison.OrdinalIgnoreCase) || message.Contains("column", StringComparison.OrdinalIgnoreCase)
            ? Positions().Replace(message, "$1#")
            : message;

    [GeneratedRegex(@"\b((?:line|column)s?\s+)\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Positions();
}
