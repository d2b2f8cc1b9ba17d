using System.Text.Json.Nodes;
using Pipeline.Action.Reports;
using Pipeline.Testing.Git;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>
/// The "done when", tried as a new user would: the real Universe repository (layout
/// <c>repo/…</c>) adopts the pipeline with a baseline, publishes, and its pull requests are judged
/// on what they add, with every path GitHub sees starting at the repository root.
/// </summary>
public sealed class AdoptionTests(AdoptedUniverse universe) : IClassFixture<AdoptedUniverse>
{
    private const string Linkerd = "repo/packages/L/linkerd";

    [AdoptionFact]
    public void TheBaselineAcceptsTheReleasedFindingsSoTheTreeValidates()
    {
        var origin = universe.Origin;
        universe.Baselining.Status.Should().Be(0, universe.Baselining.Output);
        File.Exists(Path.Combine(origin.Root, "repo", "universe-baseline.json")).Should().BeTrue();

        var withBaseline = Cli.Run("validate", Path.Combine(origin.Root, "repo"));
        var without = Cli.Run("validate", Path.Combine(origin.Root, "repo"), "--no-baseline");

        withBaseline.Status.Should().Be(0, withBaseline.Output);
        without.Status.Should().Be(1);
        without.Output.Should().Contain("UNI103").And.Contain("UNI302");
    }

    // Each test's clone belongs to its ActionRun, which deletes it when disposed.

    [AdoptionFact]
    public async Task PublishPublishesATreeWhoseOnlyErrorsAreBaselined()
    {
        var clone = universe.Clone("publish");
        await using var run = await ActionRun.StartAsync(clone);
        var site = Path.Combine(clone.Root, "_site");
        run.With("mode", "publish").With("path", "repo").With("output", "_site").With("release", "false")
            .Event("push", new JsonObject { ["ref"] = "refs/heads/main" });

        var status = await run.RunAsync();

        status.Should().Be(ExitCode.Success, run.Log);
        File.Exists(Path.Combine(site, "index.json")).Should().BeTrue();
        File.Exists(Path.Combine(site, "repo-up-to-1.10.json")).Should().BeTrue();
        run.Outputs()["valid"].Should().Be("true");
    }

    [AdoptionFact]
    public async Task ANewRevisionOfAPackageWhoseOldRevisionsHaveBaselinedErrorsPasses()
    {
        var clone = universe.Clone("linkerd-13");
        NewLinkerdRevision(clone, packageJson => packageJson);
        var head = clone.Commit("linkerd 13");
        await using var run = await ActionRun.StartAsync(clone);
        run.With("path", "repo").PullRequestEvent(13, universe.MainSha, head);

        var status = await run.RunAsync();

        status.Should().Be(ExitCode.Success, run.Log);
        var report = Report(run);
        report.Diagnostics.Should().NotContain(d => d.Severity == "error");
        run.GitHub.Comments(13).Should().ContainSingle().Which.Body.Should().Contain("new revision 13 of `linkerd`");
        run.GitHub.CheckRuns().Should().ContainSingle().Which.Conclusion.Should().Be("success");
    }

    [AdoptionFact]
    public async Task ANewErrorFailsWithAnAnnotationAtItsPathInTheRepository()
    {
        var clone = universe.Clone("linkerd-13-broken");
        NewLinkerdRevision(clone, packageJson => packageJson.Replace("\"tags\":", "\"maintainer\": \"twice@example.org\",\n  \"tags\":"));
        var head = clone.Commit("linkerd 13 with a repeated key");
        await using var run = await ActionRun.StartAsync(clone);
        run.With("path", "repo").PullRequestEvent(14, universe.MainSha, head);

        var status = await run.RunAsync();

        status.Should().Be(ExitCode.Invalid, run.Log);
        var check = run.GitHub.CheckRuns().Should().ContainSingle().Subject;
        check.Conclusion.Should().Be("failure");
        check.Annotations.Should().Contain(a => a.Path == $"{Linkerd}/13/package.json" && a.Title != null && a.Title.Contains("UNI103"));
        check.Annotations.Should().OnlyContain(a => a.Path.StartsWith("repo/packages/", StringComparison.Ordinal));
        run.GitHub.Comments(14).Should().ContainSingle().Which.Body.Should().Contain($"{Linkerd}/13/package.json");
        File.ReadAllText(run.SummaryPath).Should().Contain($"{Linkerd}/13/package.json");

        var sarif = SarifPath(run);
        SarifSchema.Problems(sarif).Should().BeEmpty();
        var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();
        results.Should().NotBeEmpty();
        foreach (var result in results)
        {
            result!["partialFingerprints"]!.AsObject().Count.Should().BeGreaterThan(0);
            var uri = result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>();
            uri.Should().StartWith("repo/packages/");
        }
    }

    [AdoptionFact]
    public async Task EditingAReleasedRevisionStillFails()
    {
        var clone = universe.Clone("edit-linkerd-12");
        var file = Path.Combine(clone.Root, Linkerd, "12", "package.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"description\": \"", "\"description\": \"Edited. "));
        var head = clone.Commit("edit a released revision");
        await using var run = await ActionRun.StartAsync(clone);
        run.With("path", "repo").PullRequestEvent(15, universe.MainSha, head);

        var status = await run.RunAsync();

        status.Should().Be(ExitCode.Invalid, run.Log);
        Report(run).Diagnostics.Should().Contain(d => d.Code == "UNI400" && d.Severity == "error");
    }

    [AdoptionFact]
    public async Task AddingABaselineEntryNeedsTheAllowLabel()
    {
        var clone = universe.Clone("baseline-own-error");
        NewLinkerdRevision(clone, packageJson => packageJson.Replace("\"tags\":", "\"maintainer\": \"twice@example.org\",\n  \"tags\":"));
        // The contributor accepts their own new error by re-making the baseline.
        Cli.Run("baseline", Path.Combine(clone.Root, "repo")).Status.Should().Be(0);
        var head = clone.Commit("linkerd 13, and its error in the baseline");
        await using var run = await ActionRun.StartAsync(clone);

        run.With("path", "repo").PullRequestEvent(16, universe.MainSha, head);
        (await run.RunAsync()).Should().Be(ExitCode.Invalid, run.Log);
        var report = Report(run);
        report.Diagnostics.Should().Contain(d => d.Code == "UNI406" && d.Severity == "error");
        report.Diagnostics.Should().Contain(d => d.Code == "UNI103" && d.Severity == "error");

        run.With("allow-edit-label", "maintainer-edit").PullRequestEvent(16, universe.MainSha, head, "maintainer-edit");
        (await run.RunAsync()).Should().Be(ExitCode.Success, run.Log);
    }

    /// <summary>linkerd 13: revision 12 (which has no findings of its own) under a new version, its package.json passed through <paramref name="edit"/>.</summary>
    private static void NewLinkerdRevision(GitRepository clone, Func<string, string> edit)
    {
        var from = Path.Combine(clone.Root, Linkerd, "12");
        var to = Path.Combine(clone.Root, Linkerd, "13");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        var packageJson = Path.Combine(to, "package.json");
        var text = File.ReadAllText(packageJson);
        var version = System.Text.RegularExpressions.Regex.Match(text, "\"version\"\\s*:\\s*\"([^\"]*)\"").Groups[1].Value;
        File.WriteAllText(packageJson, edit(text.Replace($"\"version\": \"{version}\"", $"\"version\": \"{version}-adopted\"")));
    }

    private static ActionReport Report(ActionRun run) =>
        ActionReport.Parse(File.ReadAllText(run.Outputs()["report"]), out var problem) ?? throw new InvalidOperationException(problem);

    private static string SarifPath(ActionRun run) =>
        run.Outputs().TryGetValue("sarif", out var sarif) ? sarif : Path.ChangeExtension(run.Outputs()["report"], ".sarif");
}
