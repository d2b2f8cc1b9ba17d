namespace Pipeline.Action.Reports;

/// <summary>
/// The files a step writes for the runner: outputs (<c>$GITHUB_OUTPUT</c>, in the multi-line
/// <c>name&lt;&lt;delimiter</c> form so any value is safe) and the job summary
/// (<c>$GITHUB_STEP_SUMMARY</c>, which GitHub caps at 1 MiB per step).
/// </summary>
public static class StepFiles
{
    public const int SummaryLimit = 1024 * 1024;

    public static void WriteOutputs(string path, IReadOnlyList<(string Name, string Value)> outputs)
    {
        using var writer = new StreamWriter(OpenAppend(path));
        foreach (var (name, value) in outputs)
        {
            var delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
            writer.Write($"{name}<<{delimiter}\n{value}\n{delimiter}\n");
        }
    }

    public static void AppendSummary(string path, string markdown, Uri? fullReport)
    {
        var text = markdown;
        if (System.Text.Encoding.UTF8.GetByteCount(text) > SummaryLimit - 1024)
        {
            // Characters, not bytes, are cut; a quarter of the limit leaves room for any UTF-8.
            var room = SummaryLimit / 4;
            var cut = text.LastIndexOf('\n', Math.Min(room, text.Length - 1));
            text = text[..(cut > 0 ? cut : room)] + $"\n\n> The report is cut here; the full report is the run's `report` artifact{(fullReport is null ? "" : $" ({fullReport})")}.\n";
        }
        using var writer = new StreamWriter(OpenAppend(path));
        writer.Write(text + "\n");
    }

    /// <summary>
    /// The runner makes these files; a link in their place is not the runner's, and is not
    /// written through.
    /// </summary>
    /// <exception cref="IOException">The path is a symbolic link.</exception>
    private static FileStream OpenAppend(string path) =>
        new FileInfo(path).LinkTarget is { } target
            ? throw new IOException($"{path} is a symbolic link (to {target}); step files are not written through links")
            : new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
}
