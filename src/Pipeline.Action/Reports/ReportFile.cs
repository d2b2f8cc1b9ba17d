using System.Globalization;
using System.Text.Json;

namespace Pipeline.Action.Reports;

/// <summary>
/// Reads a report file in report mode, where it comes from an artifact of the pull request's own
/// run and is data, never instructions: a regular file (not a link) of at most
/// <see cref="MaxBytes"/>, JSON in the report's shape (<see cref="ReportShape"/>), with at most
/// <see cref="MaxDiagnostics"/> findings in each list. Nothing in it is used as a path to open.
/// Every refusal is a message naming the file and, where there is one, the field.
/// </summary>
public static class ReportFile
{
    /// <summary>8 MiB: a report of <see cref="MaxDiagnostics"/> findings with long messages is well under it.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>More findings than a reader could act on, and than one check run's annotations could carry.</summary>
    public const int MaxDiagnostics = 10_000;

    public static ActionReport? Read(string path, out string? problem)
    {
        var bytes = ReadBounded(path, out problem);
        if (bytes is null) return null;
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                problem = ReportShape.Check(document.RootElement, MaxDiagnostics);
            }
        }
        catch (JsonException e)
        {
            problem = $"the report file is not a universe report: {e.Message}";
        }
        if (problem is not null) return null;
        return ActionReport.Parse(bytes, out problem);
    }

    private static byte[]? ReadBounded(string path, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                problem = "the report file is a symbolic link; report mode reads only a regular file";
                return null;
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // Read one byte past the bound rather than trusting the length a special file reports.
            var buffer = new byte[(stream.CanSeek ? Math.Min(stream.Length, MaxBytes) : MaxBytes) + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0) read += n;
            if (read > MaxBytes)
            {
                problem = $"the report file is larger than {MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes, the most report mode reads";
                return null;
            }
            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"the report file cannot be read: {e.Message}";
            return null;
        }
    }
}
