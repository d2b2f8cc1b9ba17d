using System.Text.Json;

namespace Pipeline.Diagnostics.Reports.Sarif;

/// <summary>
/// One rule of the catalog as a SARIF reportingDescriptor, with what code scanning shows for an
/// alert: the rule's own name, a short and a full description, help as text and Markdown that
/// links to the rule's row in the catalog page, and tags to filter alerts by.
/// </summary>
internal static class SarifRules
{
    public static void Write(Utf8JsonWriter json, Rule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", $"{rule.Title}. {rule.Hint}");
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Hint}\n\n{rule.Code} in the rule catalog: {rule.HelpUri}");
        json.WriteString("markdown", $"{Markdown(rule.Hint)}\n\nSee [{rule.Code}]({rule.HelpUri}) in the rule catalog.");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", SarifReportWriter.Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("universe");
        json.WriteStringValue(rule.Family.ToString().ToLowerInvariant());
        json.WriteStringValue(rule.Severity.ToString().ToLowerInvariant());
        json.WriteEndArray();
        // What code scanning shows as an alert's severity for a tool that is not a security tool.
        json.WriteString("problem.severity", rule.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "recommendation",
        });
        json.WriteString("precision", "very-high");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Hints name placeholders like &lt;name&gt;, which Markdown would take for HTML.</summary>
    private static string Markdown(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
