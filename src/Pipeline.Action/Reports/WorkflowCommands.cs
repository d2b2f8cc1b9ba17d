using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Reports;

/// <summary>
/// GitHub's workflow commands on standard output (<c>::error file=…,line=…::message</c>): the
/// annotations that need no token. Values are escaped as the runner expects. GitHub keeps
/// <see cref="PerLevel"/> annotations of each level per step and drops the rest, so no more are
/// printed, and a notice says where every finding is.
/// </summary>
public static class WorkflowCommands
{
    /// <summary>How many errors, warnings and notices GitHub keeps from one step.</summary>
    public const int PerLevel = 10;

    /// <param name="where">Where every finding can be read (the report file, the job summary).</param>
    public static void WriteAnnotations(IEnumerable<ReportedDiagnostic> diagnostics, TextWriter output, string where = "the job summary")
    {
        var printed = new Dictionary<string, int>(StringComparer.Ordinal);
        var left = 0;
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { "error" => "error", "warning" => "warning", _ => "notice" };
            var count = printed.GetValueOrDefault(command);
            if (count == PerLevel)
            {
                left++;
                continue;
            }
            printed[command] = count + 1;
            var properties = new List<string>();
            if (d.File is { } file) properties.Add($"file={Property(file)}");
            if (d.Line > 0) properties.Add($"line={d.Line}");
            if (d.Line > 0 && d.Column > 0) properties.Add($"col={d.Column}");
            properties.Add($"title={Property($"{d.Code} {RuleCatalog.Find(d.Code)?.Title ?? ""}".Trim())}");
            var message = d.Hint is { Length: > 0 } hint ? $"{d.Message}\n{hint}" : d.Message;
            output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(message)}");
        }
        if (left > 0)
        {
            output.WriteLine($"::notice title=More findings::{Data($"{left} more {(left == 1 ? "finding is" : "findings are")} not annotated (GitHub keeps {PerLevel} errors, {PerLevel} warnings and {PerLevel} notices per step); {where} lists every one.")}");
        }
    }

    /// <summary>
    /// A command's message: the runner's escapes for '%', CR and LF (so no text can start a line,
    /// and with it a command of its own), and every other hidden character made visible.
    /// </summary>
    public static string Data(string text) => TerminalText.Escape(text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    public static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
