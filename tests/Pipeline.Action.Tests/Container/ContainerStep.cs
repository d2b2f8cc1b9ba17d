using Xunit.Abstractions;

namespace Pipeline.Action.Tests.Container;

/// <summary>
/// Runs the action's image as GitHub's runner runs a docker action's step: the workspace, the
/// file-command folder, the workflow folder (event file) and a home mounted under /github, the
/// step's INPUT_* and GITHUB_* variables with host paths turned into those container paths, and
/// `action` as the argument (action.yml's args). `--network host` reaches the fake API on 127.0.0.1.
/// </summary>
internal static class ContainerStep
{
    public const string Workspace = "/github/workspace";
    public const string FileCommands = "/github/file_commands";
    public const string Workflow = "/github/workflow";
    public const string Home = "/github/home";

    public static async Task<ContainerProcess.Result> RunAsync(Podman podman, ActionRun run, string image, ITestOutputHelper log, CancellationToken cancellationToken)
    {
        // ActionRun keeps the summary, the outputs and the event files in one folder of its own.
        var stepFolder = Path.GetDirectoryName(run.SummaryPath)!;
        var home = Directory.CreateDirectory(Path.Combine(stepFolder, "home")).FullName;
        var arguments = new List<string>
        {
            "run", "--rm", "--network", "host", "--workdir", Workspace,
            "-v", $"{run.Repository.Root}:{Workspace}",
            "-v", $"{stepFolder}:{FileCommands}",
            "-v", $"{stepFolder}:{Workflow}",
            "-v", $"{home}:{Home}",
            "-e", $"HOME={Home}",
            "-e", "CI=true",
        };
        foreach (var (name, value) in run.Variables)
        {
            var inContainer = name switch
            {
                "GITHUB_WORKSPACE" => Workspace,
                "GITHUB_OUTPUT" or "GITHUB_STEP_SUMMARY" => $"{FileCommands}/{Path.GetFileName(value)}",
                "GITHUB_EVENT_PATH" => $"{Workflow}/{Path.GetFileName(value)}",
                _ => value,
            };
            arguments.Add("-e");
            arguments.Add($"{name}={inContainer}");
        }
        arguments.Add(image);
        arguments.Add("action");

        var started = DateTime.UtcNow;
        var result = await podman.RunAsync(arguments, cancellationToken);
        ContainerProcess.Write(log, $"the step exited with {result.ExitCode} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        return result;
    }
}
