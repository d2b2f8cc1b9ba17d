using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports.Sarif;

namespace Pipeline.Diagnostics.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
}

public static class ReportWriters
{
    /// <param name="paths">How the diagnostics' universe-relative paths are shown: relative to the
    /// repository for JSON and SARIF (what code scanning and other tools place files by), relative
    /// to wherever the user can paste them from for text.</param>
    /// <param name="universeFolder">The universe folder as the user named it, for the commands the text report prints.</param>
    public static void Write(ReportFormat format, ValidationReport report, TextWriter output, bool color = false, RepositoryPaths? paths = null, string? universeFolder = null)
    {
        paths ??= RepositoryPaths.None;
        switch (format)
        {
            case ReportFormat.Json: JsonReportWriter.Write(report, output, paths); break;
            case ReportFormat.Sarif: SarifReportWriter.Write(report, output, new SarifOptions { Paths = paths }); break;
            default: new TextReportWriter(color, paths, universeFolder).Write(report, output); break;
        }
    }
}
