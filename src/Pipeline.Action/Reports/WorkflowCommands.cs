using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;

namespace Pipeline.Action.Reports;

/// <summary>
/// GitHub's workflow commands on standard output (<c>::error file=…,line=…::message</c>): the
/// annotations that need no token. Values are escaped as the runner expects.
/// </summary>
public static class WorkflowCommands
{
    public static void WriteAnnotations(IEnumerable<ReportedDiagnostic> diagnostics, TextWriter output)
    {
        foreach (var d in diagnostics)
        {
            var command = d.Severity switch { "error" => "error", "warning" => "warning", _ => "notice" };
            var properties = new List<string>();
            if (d.File is { } file) properties.Add($"file={Property(file)}");
            if (d.Line > 0) properties.Add($"line={d.Line}");
            if (d.Line > 0 && d.Column > 0) properties.Add($"col={d.Column}");
            properties.Add($"title={Property($"{d.Code} {RuleCatalog.Find(d.Code)?.Title ?? ""}".Trim())}");
            var message = d.Hint is { Length: > 0 } hint ? $"{d.Message}\n{hint}" : d.Message;
            output.WriteLine($"::{command} {string.Join(',', properties)}::{Data(message)}");
        }
    }

    /// <summary>
    /// A command's message: the runner's escapes for '%', CR and LF (so no text can start a line,
    /// and with it a command of its own), and every other hidden character made visible.
    /// </summary>
    public static string Data(string text) => TerminalText.Escape(text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A"));

    public static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
