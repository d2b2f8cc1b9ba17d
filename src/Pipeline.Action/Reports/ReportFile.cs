using System.Globalization;
using System.Text.Json;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

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
        if (new FileInfo(path).LinkTarget is not null)
        {
            problem = "the report file is a symbolic link; report mode reads only a regular file";
            return null;
        }
        var read = BoundedFile.Read(path, MaxBytes);
        if (read.TooLarge) problem = $"the report file is larger than {MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes, the most report mode reads";
        else if (read.Content is null) problem = $"the report file cannot be read: {read.Problem}";
        return read.Content;
    }
}
