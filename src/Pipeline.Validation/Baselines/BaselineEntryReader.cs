using System.Text.RegularExpressions;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Fingerprints;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;
using Pipeline.Json;

namespace Pipeline.Validation.Baselines;

/// <summary>
/// One entry of universe-baseline.json, checked field by field: an entry that is wrong in any way
/// is reported at its line and left out, never guessed at.
/// </summary>
internal static partial class BaselineEntryReader
{
    public static BaselineEntry? Read(JsonDatum item, List<Diagnostic> problems)
    {
        if (item.Kind != JsonKind.Object) return Skip(problems, item, "an entry must be an object with `file`, `code`, `fingerprint` and `count`");
        var code = Text(item, "code");
        var file = Text(item, "file");
        var fingerprint = Text(item, "fingerprint");
        if (code is null || !CodePattern().IsMatch(code)) return Skip(problems, item["code"] ?? item, "`code` must be a rule code such as \"UNI103\"");
        if (RuleCatalog.Find(code)?.Family == RuleFamily.Changes)
        {
            return Skip(problems, item["code"]!, $"{code} is a change rule: it judges a pull request, not the tree, and cannot be accepted");
        }
        if (file is null || file.Length > 1024 || !Baseline.IsRevisionPath(file))
        {
            return Skip(problems, item["file"] ?? item,
                "`file` must be a path inside a revision folder relative to the universe root, packages/<L>/<name>/<N>/…, with '/' separators and no '.' or '..'");
        }
        if (fingerprint is null || !FingerprintPattern().IsMatch(fingerprint))
        {
            return Skip(problems, item["fingerprint"] ?? item, $"`fingerprint` must be {DiagnosticFingerprint.Length} lower-case hexadecimal digits, as `universe baseline` writes it");
        }
        var count = 1;
        if (item["count"] is { } countValue)
        {
            if (!countValue.IsInteger || countValue.Number < 1 || countValue.Number > BaselineFile.MaxCount)
            {
                return Skip(problems, countValue, FormattableString.Invariant($"`count` must be a whole number from 1 to {BaselineFile.MaxCount:N0}"));
            }
            count = (int)countValue.Number;
        }
        var message = item["message"] is { Kind: JsonKind.String } m ? m.String : null;
        return new BaselineEntry(code, file, fingerprint, count) { Message = message, Line = item.Position.Line, Column = item.Position.Column };
    }

    private static string? Text(JsonDatum item, string name) => item[name] is { Kind: JsonKind.String } value ? value.String : null;

    private static BaselineEntry? Skip(List<Diagnostic> problems, JsonDatum where, string message)
    {
        problems.Add(BaselineFile.At(where.Position, $"{message}; the entry is ignored"));
        return null;
    }

    [GeneratedRegex("^UNI[0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex FingerprintPattern();
}
