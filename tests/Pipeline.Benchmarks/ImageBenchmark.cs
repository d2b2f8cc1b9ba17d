using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Testing.Containers;
using Pipeline.Testing.FakeGitHub;
using Pipeline.Testing.Git;
using Xunit.Abstractions;

namespace Pipeline.Benchmarks;

/// <summary>
/// The action's image as ContainerTests builds it (the Dockerfile on the stand-in base images):
/// its size, its layers, and the time from `podman run` to the first line `universe action`
/// prints on a pull request touching one package, against the fake GitHub API. The image is built
/// first (or found in podman's layer cache); every run then starts the container anew.
/// </summary>
internal static class ImageBenchmark
{
    private const string Token = "ghs_benchmark_token";
    private const string Owner = "acme";
    private const string Name = "universe";

    public static async Task RunAsync(int runs)
    {
        if (ContainerRequirements.Missing() is { } missing)
        {
            Console.WriteLine($"image: skipped: needs {missing} to build and run the action's image (.ci/run installs podman, runc and debootstrap)");
            return;
        }
        using var time = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var log = new ProgressLog();
        using var cache = await ContainerCache.TakeAsync(time.Token);
        var podman = Podman.Configure(cache, log);
        await new StandInImages(podman, cache, log).EnsureAsync(time.Token);
        await ActionImage.BuildAsync(podman, log, time.Token);
        var inspected = (await podman.RunCheckedAsync(["image", "inspect", "--format", "{{.Size}} {{len .RootFS.Layers}}", ActionImage.Name], time.Token)).Trim().Split(' ');
        var size = long.Parse(inspected[0], CultureInfo.InvariantCulture);

        using var repository = new GitRepository();
        repository.Package("hello", 0, "1.0.0");
        var baseSha = repository.Commit("hello 0");
        repository.Branch("feature");
        repository.Package("hello", 1, "1.1.0");
        var headSha = repository.Commit("hello 1");
        // The runner's checkout belongs to its own user, not to the container's root.
        await ContainerProcess.RunCheckedAsync("chown", ["-R", "1001:1001", repository.Root], log, time.Token);
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Token = Token }, time.Token);
        var step = Directory.CreateTempSubdirectory("image-benchmark").FullName;
        try
        {
            var variables = Variables(server, repository.Root, step, PullRequestEvent(step, baseSha, headSha));
            var measured = new List<(TimeSpan FirstLine, TimeSpan Exit, int ExitCode)>();
            // One warm-up run: the first start after a build also pays for podman mounting the new layers.
            for (var run = 0; run <= runs; run++)
            {
                var clock = Stopwatch.StartNew();
                TimeSpan? first = null;
                var result = await ContainerStep.RunAsync(podman, ActionImage.Name, repository.Root, step, variables, log, time.Token,
                    echo: _ =>
                    {
                        first ??= clock.Elapsed;
                        return false;
                    });
                if (run > 0) measured.Add((first ?? clock.Elapsed, clock.Elapsed, result.ExitCode));
            }
            Print(size, int.Parse(inspected[1], CultureInfo.InvariantCulture), measured);
        }
        finally
        {
            ContainerCache.Remove(step);
        }
    }

    private static void Print(long size, int layers, List<(TimeSpan FirstLine, TimeSpan Exit, int ExitCode)> runs)
    {
        static string Seconds(IEnumerable<TimeSpan> values)
        {
            var sorted = values.Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Length / 2].TotalSeconds,7:F3}s {sorted[0].TotalSeconds,7:F3}s");
        }
        Console.WriteLine($"image: {ActionImage.Name}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size {size / 1e6:F0} MB, {layers} layers"));
        Console.WriteLine($"{"from podman run to",-22} {"median",8} {"min",8}   (runs: {runs.Count}, exit codes: {string.Join(',', runs.Select(r => r.ExitCode).Distinct())})");
        Console.WriteLine($"{"first line of output",-22} {Seconds(runs.Select(r => r.FirstLine))}");
        Console.WriteLine($"{"exit",-22} {Seconds(runs.Select(r => r.Exit))}");
    }

    private static Dictionary<string, string> Variables(FakeGitHubServer server, string workspace, string step, string eventPath) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_API_URL"] = server.BaseUrl.ToString(),
        ["GITHUB_SERVER_URL"] = "https://github.example",
        ["GITHUB_REPOSITORY"] = $"{Owner}/{Name}",
        ["GITHUB_RUN_ID"] = "4242",
        ["GITHUB_WORKSPACE"] = workspace,
        ["GITHUB_STEP_SUMMARY"] = Path.Combine(step, "summary.md"),
        ["GITHUB_OUTPUT"] = Path.Combine(step, "output.txt"),
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = eventPath,
        ["INPUT_TOKEN"] = Token,
    };

    /// <summary>The fields of a pull_request event the action reads (GitHubEventReader).</summary>
    private static string PullRequestEvent(string step, string baseSha, string headSha)
    {
        JsonObject Branch(string sha, string name) => new() { ["sha"] = sha, ["ref"] = name, ["repo"] = new JsonObject { ["full_name"] = $"{Owner}/{Name}" } };
        var payload = new JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = 5,
            ["pull_request"] = new JsonObject { ["number"] = 5, ["draft"] = false, ["labels"] = new JsonArray(), ["base"] = Branch(baseSha, "main"), ["head"] = Branch(headSha, "feature") },
            ["repository"] = new JsonObject { ["full_name"] = $"{Owner}/{Name}" },
        };
        var path = Path.Combine(step, "event.json");
        File.WriteAllText(path, payload.ToJsonString());
        return path;
    }

    /// <summary>Build and stand-in progress on standard error, so standard output holds only the figures.</summary>
    private sealed class ProgressLog : ITestOutputHelper
    {
        public void WriteLine(string message) => Console.Error.WriteLine(message);

        public void WriteLine(string format, params object[] args) => Console.Error.WriteLine(format, args);
    }
}
