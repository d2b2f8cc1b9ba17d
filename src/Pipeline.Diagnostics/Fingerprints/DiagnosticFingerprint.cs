using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Diagnostics;

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
        var text = $"{code}\n{file ?? ""}\n{Positionless(message)}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash)[..Length];
    }

    /// <summary>The message with the numbers of lines and columns it names replaced by '#'.</summary>
    public static string Positionless(string message) => Positions().Replace(message, "$1#");

    [GeneratedRegex(@"\b((?:line|column)s?\s+)\d+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Positions();
}
