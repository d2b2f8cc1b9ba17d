using Pipeline.Action.Inputs;

namespace Pipeline.Action.Reports;

/// <summary>
/// Where the report file (the <c>report</c> input) and the SARIF file beside it live. An absolute
/// <c>report</c> is used as it is. A relative one is placed under RUNNER_TEMP, out of the checkout,
/// when that folder is there; otherwise under the workspace (the repository root, never the
/// universe's packages/). The folder can be missing because the action runs in a container, to
/// which the runner passes RUNNER_TEMP but may not mount it: a file written there would be lost
/// with the container. Report mode reads only the file the <c>report-path</c> input names.
/// </summary>
public static class ReportFiles
{
    public static string WritePath(string report, GitHubContext context) =>
        Path.GetFullPath(Path.IsPathRooted(report) ? report : Path.Combine(Folder(context), report));

    public static string SarifPath(string reportPath) => Path.ChangeExtension(reportPath, ".sarif");

    /// <summary>
    /// Creates the file at <paramref name="path"/> afresh for writing, never through a link a pull
    /// request could have committed into the workspace: a link at the path itself is removed (the
    /// link, not its target) and the file made with CreateNew, which fails rather than follow one;
    /// a folder on the way that is a link inside the workspace is refused.
    /// </summary>
    /// <exception cref="IOException">A folder on the way is a link, or the file cannot be made.</exception>
    public static FileStream Create(string path, GitHubContext context)
    {
        RefuseLinkedFolders(path, context);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existing = new FileInfo(path);
        if (existing.Exists || existing.LinkTarget is not null) existing.Delete();
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    private static void RefuseLinkedFolders(string path, GitHubContext context)
    {
        var workspace = Path.TrimEndingDirectorySeparator(Workspace(context));
        if (!path.StartsWith(workspace + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return;
        for (var folder = Path.GetDirectoryName(path); folder is not null && folder.Length > workspace.Length; folder = Path.GetDirectoryName(folder))
        {
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                throw new IOException($"`{Shown(folder, context)}` is a symbolic link in the checkout; the report is not written through it (set the `report` input to a path outside the checkout)");
            }
        }
    }

    /// <summary>
    /// Where report mode reads the report: an absolute <c>report-path</c> as it is; a relative one
    /// under RUNNER_TEMP, under the folder newer runners mount it on in a container action
    /// (<see cref="ContainerRunnerTemp"/>), or under the workspace, the first that holds it. The
    /// workspace is the one folder every runner mounts into a container action, so report.yml
    /// downloads the artifact there, beside the default branch's checkout the action runs from
    /// (never into it, where a forged action.yml or Dockerfile would be run). Null when none holds it.
    /// </summary>
    public static string? ReportModePath(string reportPath, GitHubContext context)
    {
        if (Path.IsPathRooted(reportPath)) return Path.GetFullPath(reportPath);
        string?[] folders = [context.RunnerTemp, ContainerRunnerTemp, Workspace(context)];
        return folders
            .Where(f => f is { Length: > 0 } && Directory.Exists(f))
            .Select(f => Path.GetFullPath(Path.Combine(f!, reportPath)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Where a Docker container action sees the job's RUNNER_TEMP (the variable keeps the runner's path).</summary>
    public const string ContainerRunnerTemp = "/github/runner_temp";

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
