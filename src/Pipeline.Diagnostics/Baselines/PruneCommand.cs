using Pipeline.Diagnostics.Reports;

namespace Pipeline.Diagnostics.Baselines;

/// <summary>
/// The command a report prints to drop fixed baseline entries. It names the universe folder as
/// the reader will type it (from the repository root for a pull request's comment, as typed for
/// `universe validate`), because `universe baseline --prune` alone reads the current folder.
/// </summary>
public static class PruneCommand
{
    /// <param name="universeFolder">The universe folder relative to where the command is run; null, "" or "." for that folder itself.</param>
    public static string For(string? universeFolder)
    {
        var folder = universeFolder?.TrimEnd('/');
        return folder is null or "" or "." ? "universe baseline --prune" : $"universe baseline {ShellText.Word(folder)} --prune";
    }
}
