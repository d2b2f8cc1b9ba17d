using Xunit.Abstractions;

namespace Pipeline.Testing.Containers;

/// <summary>
/// Runs the action's image as GitHub's runner runs a docker action's step: the workspace, the
/// file-command folder, the workflow folder (event file) and a home mounted under /github, the
/// step's INPUT_* and GITHUB_* variables with host paths turned into those container paths, and
/// `action` as the argument (action.yml's args). `--network host` reaches the fake API on 127.0.0.1.
/// </summary>
public static class ContainerStep
{
    public const string Workspace = "/github/workspace";
    public const string FileCommands = "/github/file_commands";
    public const string Workflow = "/github/workflow";
    public const string Home = "/github/home";

    /// <param name="stepFolder">The one folder holding the step's summary, outputs and event files.</param>
    /// <param name="echo">Sees each line of output (and says whether to log it).</param>
    public static async Task<ContainerProcess.Result> RunAsync(
        Podman podman,
        string image,
        string workspace,
        string stepFolder,
        IReadOnlyDictionary<string, string> variables,
        ITestOutputHelper log,
        CancellationToken cancellationToken,
        Func<string, bool>? echo = null)
    {
        var home = Directory.CreateDirectory(Path.Combine(stepFolder, "home")).FullName;
        var arguments = new List<string>
        {
            "run", "--rm", "--network", "host", "--workdir", Workspace,
            "-v", $"{workspace}:{Workspace}",
            "-v", $"{stepFolder}:{FileCommands}",
            "-v", $"{stepFolder}:{Workflow}",
            "-v", $"{home}:{Home}",
            "-e", $"HOME={Home}",
            "-e", "CI=true",
        };
        foreach (var (name, value) in variables)
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
        var result = await podman.RunAsync(arguments, cancellationToken, echo);
        ContainerProcess.Write(log, $"the step exited with {result.ExitCode} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        return result;
    }
}
