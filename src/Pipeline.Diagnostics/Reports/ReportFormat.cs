namespace Pipeline.Diagnostics.Reports;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
}

public static class ReportWriters
{
    public static void Write(ReportFormat format, ValidationReport report, TextWriter output, bool color = false)
    {
        switch (format)
        {
            case ReportFormat.Json: JsonReportWriter.Write(report, output); break;
            case ReportFormat.Sarif: SarifReportWriter.Write(report, output); break;
            default: new TextReportWriter(color).Write(report, output); break;
        }
    }
}
