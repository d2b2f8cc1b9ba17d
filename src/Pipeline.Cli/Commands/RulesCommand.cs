using System.CommandLine;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe rules [--format text|markdown]</c>: the rule catalog.</summary>
public static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "text or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        var command = new Command("rules", "List every validation rule with its code, severity and hint.") { format };
        command.SetAction(parsed =>
        {
            var markdown = parsed.GetValue(format) == "markdown";
            if (markdown)
            {
                console.Out.WriteLine("| Code | Family | Severity | Rule | Hint | Checked in | Proven by |");
                console.Out.WriteLine("|---|---|---|---|---|---|---|");
            }
            foreach (var rule in RuleCatalog.All)
            {
                var severity = rule.Severity.ToString().ToLowerInvariant();
                if (markdown)
                {
                    // An explicit anchor per row: SARIF help and reports link to RULES.md#uni001. The
                    // emitting file is linked from schema/, where the page lives.
                    console.Out.WriteLine($"| <a id=\"{rule.Anchor}\"></a>{rule.Code} | {rule.Family} | {severity} | {Markdown(rule.Title)} | {Markdown(rule.Hint)} | [{Path.GetFileName(rule.CheckedIn)}](../{rule.CheckedIn}) | `{rule.ProvenBy}` |");
                }
                else
                {
                    console.Out.WriteLine($"{rule.Code}  {severity,-7}  {rule.Family,-9}  {rule.Title}");
                    console.Out.WriteLine($"        {rule.Hint}");
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Markdown(string text) => text.Replace("|", "\\|").Replace("<", "&lt;").Replace(">", "&gt;");
}
