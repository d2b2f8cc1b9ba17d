using System.Text.Json;
using Pipeline.Diagnostics.Paths;

namespace Pipeline.Diagnostics.Reports;

/// <summary>
/// The machine-readable report: a summary and every diagnostic as a flat object. <c>file</c> is
/// relative to the universe root (the folder holding packages/), as it always was;
/// <c>repositoryFile</c> (added in the same format version) is the same file relative to the
/// repository root, where the two differ for a universe in a subfolder.
/// </summary>
public static class JsonReportWriter
{
    public const string FormatVersion = "1";

    public static void Write(ValidationReport report, TextWriter output, RepositoryPaths? paths = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("formatVersion", FormatVersion);
            json.WriteString("tool", "universe");
            json.WriteBoolean("valid", report.Errors == 0);
            json.WriteStartObject("summary");
            json.WriteNumber("packages", report.PackageCount);
            json.WriteNumber("revisions", report.RevisionCount);
            json.WriteNumber("errors", report.Errors);
            json.WriteNumber("warnings", report.Warnings);
            json.WriteNumber("notes", report.Notes);
            // Added with the baseline: counts of accepted findings and of entries no longer found.
            json.WriteNumber("accepted", report.Accepted.Count);
            json.WriteNumber("fixed", report.Fixed.Sum(e => e.Count));
            json.WriteEndObject();
            if (report.Baseline is null) json.WriteNull("baseline"); else json.WriteString("baseline", report.Baseline);
            json.WriteStartArray("diagnostics");
            WriteDiagnostics(report.Diagnostics, paths ?? RepositoryPaths.None, json, buffer, output);
            json.WriteEndArray();
            json.WriteStartArray("accepted");
            WriteDiagnostics(report.Accepted, paths ?? RepositoryPaths.None, json, buffer, output);
            json.WriteEndArray();
            json.WriteStartArray("fixed");
            foreach (var entry in report.Fixed)
            {
                json.WriteStartObject();
                json.WriteString("code", entry.Code);
                json.WriteString("file", entry.File);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteNumber("count", entry.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        Drain(buffer, output);
        output.WriteLine();
    }

    private static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, RepositoryPaths paths, Utf8JsonWriter json, MemoryStream buffer, TextWriter output)
    {
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            json.WriteString("package", d.Package);
            if (d.File is null) json.WriteNull("file"); else json.WriteString("file", d.File);
            if (d.File is null) json.WriteNull("repositoryFile"); else json.WriteString("repositoryFile", paths.ToRepository(d.File));
            json.WriteNumber("line", d.Line);
            json.WriteNumber("column", d.Column);
            json.WriteString("message", d.Message);
            if (d.Hint is null) json.WriteNull("hint"); else json.WriteString("hint", d.Hint);
            json.WriteEndObject();
            // Passed on in pieces: a tree of 100,000 revisions has tens of thousands of
            // diagnostics, and the whole report held twice (bytes, then text) would dominate memory.
            if (buffer.Length > 64 * 1024)
            {
                json.Flush();
                Drain(buffer, output);
            }
        }
    }

    /// <summary>Writes what the buffer holds (whole UTF-8 sequences: the writer flushes whole values) and empties it.</summary>
    private static void Drain(MemoryStream buffer, TextWriter output)
    {
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
