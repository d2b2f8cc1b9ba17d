using System.Text.RegularExpressions;
using Pipeline.Testing.Printed;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// Every command a Markdown document shows: each line of a fenced `sh` block, code spans that start
/// with `universe ` or `dotnet `, and the synopses in tables (a table row whose first cell starts
/// with a `universe …` span has every span of that cell read as a `universe` synopsis, so
/// `` `repo list` `` beside `` `universe repo add …` `` is `universe repo list`).
/// </summary>
public static partial class MarkdownCommands
{
    private static readonly string[] ShellFences = ["sh", "shell", "bash"];

    public static IReadOnlyList<PrintedCommand> Find(string markdown)
    {
        var found = new List<PrintedCommand>();
        var lines = markdown.Split('\n');
        string? fence = null;
        var section = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            var before = found.Count;
            if (fence is null && line.StartsWith("## ", StringComparison.Ordinal)) section = line[3..].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? trimmed[3..].Trim() : null;
                continue;
            }
            if (fence is not null)
            {
                if (ShellFences.Contains(fence)) found.AddRange(ShellWords.Commands(trimmed).Select(words => new PrintedCommand(trimmed, words, PrintedKind.Shell, i + 1)));
                InSection(found, before, section);
                continue;
            }
            if (trimmed.StartsWith('|')) found.AddRange(InTableRow(trimmed, i + 1));
            else found.AddRange(Spans(trimmed).Where(IsCommand).SelectMany(span => Commands(span, i + 1)));
            InSection(found, before, section);
        }
        return found;
    }

    private static void InSection(List<PrintedCommand> found, int from, string section)
    {
        for (var i = from; i < found.Count; i++) found[i] = found[i] with { Section = section };
    }

    private static IEnumerable<PrintedCommand> InTableRow(string row, int line)
    {
        // A `\|` inside a span is a | of the command, not a cell border.
        var cells = CellBorder().Split(row.Trim('|'));
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var spans = Spans(cells[cell]).Select(s => s.Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
            var commandCell = cell == 0 && spans.FirstOrDefault() is { } first && first.StartsWith("universe ", StringComparison.Ordinal);
            foreach (var span in spans)
            {
                if (commandCell) yield return Synopsis(span.StartsWith("universe ", StringComparison.Ordinal) ? span : "universe " + span, line);
                else if (span.StartsWith("universe ", StringComparison.Ordinal)) yield return Synopsis(span, line);
            }
        }
    }

    private static PrintedCommand Synopsis(string text, int line) => new(text, ShellWords.Commands(text).Single(), PrintedKind.Table, line);

    private static IEnumerable<PrintedCommand> Commands(string text, int line) =>
        ShellWords.Commands(text).Select(words => new PrintedCommand(text, words, PrintedKind.Inline, line));

    private static bool IsCommand(string span) => span.StartsWith("universe ", StringComparison.Ordinal) || span.StartsWith("dotnet ", StringComparison.Ordinal);

    private static IEnumerable<string> Spans(string text) => CodeSpan().Matches(text).Select(m => m.Groups[2].Value.Trim());

    [GeneratedRegex(@"(`+)(.+?)\1")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellBorder();
}
