namespace Pipeline.Action.Reports;

/// <summary>
/// Where the report file (the <c>report</c> input) and the SARIF file beside it live. An absolute
/// <c>report</c> is used as it is. A relative one is placed under RUNNER_TEMP, out of the checkout,
/// when that folder is there; otherwise under the workspace (the repository root, never the
/// universe's packages/). The folder can be missing because the action runs in a container, to
/// which the runner passes RUNNER_TEMP but may not mount it: a file written there would be lost
/// with the container. Report mode looks in the same place first, then where the report workflow's
/// artifact download puts it (the workspace) and where versions before this one wrote it (the
/// universe root).
/// </summary>
public static class ReportFiles
{
    public static string WritePath(string report, GitHubContext context) =>
        Path.GetFullPath(Path.IsPathRooted(report) ? report : Path.Combine(Folder(context), report));

    public static string SarifPath(string reportPath) => Path.ChangeExtension(reportPath, ".sarif");

    /// <summary>The places report mode reads the report from, in order, without repeats.</summary>
    public static IReadOnlyList<string> ReadCandidates(string report, GitHubContext context, string universeRoot)
    {
        if (Path.IsPathRooted(report)) return [Path.GetFullPath(report)];
        string[] candidates =
        [
            WritePath(report, context),
            Path.GetFullPath(Path.Combine(Workspace(context), report)),
            Path.GetFullPath(Path.Combine(universeRoot, report)),
        ];
        return candidates.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// A path as the step outputs give it: relative to the workspace when inside it, because a
    /// container sees the workspace under another path than the steps after it do (and both
    /// resolve relative paths from the workspace); absolute otherwise.
    /// </summary>
    public static string Shown(string path, GitHubContext context)
    {
        var relative = Path.GetRelativePath(Workspace(context), path);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Folder(GitHubContext context) =>
        context.RunnerTemp is { Length: > 0 } temp && Directory.Exists(temp) ? temp : Workspace(context);

    private static string Workspace(GitHubContext context) => Path.GetFullPath(context.Workspace ?? Environment.CurrentDirectory);
}
