using System.CommandLine;
using System.Diagnostics;
using Pipeline.Build;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site;
using Pipeline.Validation;
using Pipeline.Validation.Baselines;
using Pipeline.Validation.Layout;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe build [PATH] --output DIR [--gzip] [--commit SHA] [--no-site] [--no-baseline]</c>.</summary>
public static class BuildCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var path = TreeArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The folder to build into.", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Also write a .gz copy of every file whose copy is smaller." };
        var commit = new Option<string?>("--commit") { Description = "The source commit recorded in index.json (default: read from .git)." };
        var noSite = new Option<bool>("--no-site") { Description = "Leave out the web site (index.html, packages/, assets/)." };
        var noBaseline = BaselineOption.Create();
        var command = new Command("build", "Build the web site, index.json, the package files, the DC/OS repository files and SHA256SUMS.") { path, output, gzip, commit, noSite, noBaseline };
        command.SetAction(parsed => Run(console, environment.FullPath(parsed.GetValue(path)!), environment.FullPath(parsed.GetValue(output)!), parsed.GetValue(gzip), parsed.GetValue(commit), !parsed.GetValue(noSite), !parsed.GetValue(noBaseline)));
        return command;
    }

    public static int Run(CliConsole console, string path, string output, bool gzip, string? commit, bool site = true, bool useBaseline = true)
    {
        var clock = Stopwatch.StartNew();
        var root = TreeArgument.FindRoot(path, "build", console);
        if (root is null) return ExitCodes.Failure;
        // Contents are read package by package as the build goes, so memory stays bounded.
        var tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });
        BuildSummary summary;
        try
        {
            var sourceCommit = commit ?? SourceCommit.Find(root);
            var pages = site ? SiteGenerator.Generate(tree, new SiteOptions { SourceCommit = sourceCommit }) : [];
            summary = RepositoryBuilder.BuildTo(tree, output, new BuildOptions { SourceCommit = sourceCommit, Gzip = gzip }, pages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe build: cannot write {output}: {e.Message}");
            return ExitCodes.Failure;
        }
        // The build says which revisions it left out and over which file; validation words why.
        var unbuilt = summary.Unbuilt.SelectMany(u => UnbuiltRevisionFindings.For(u.Revision, u.FileName, tree.Settings));
        var problems = LayoutRules.Check(tree).Where(d => d.Severity == Severity.Error).Concat(unbuilt).ToArray();
        var accepted = 0;
        if (useBaseline)
        {
            // A revision skipped for a file the baseline has accepted findings in is old news, and
            // does not fail the build. They are matched by file, not by fingerprint: any accepted
            // finding in the file that stopped a revision accepts the revision's absence.
            var baseline = BaselineFile.Read(root);
            var known = baseline.Baseline ?? Baseline.Empty;
            var isAccepted = problems.Select(d => Baseline.Covers(d) && known.HasFile(d.File)).ToArray();
            accepted = isAccepted.Count(a => a);
            problems = [.. problems.Where((_, i) => !isAccepted[i]), .. baseline.Problems];
        }
        foreach (var diagnostic in ValidationReport.Sort(problems))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }
        console.Out.WriteLine($"built {tree.Revisions.Count} revisions of {tree.Packages().Count()} packages into {output}: {summary.Files.Count} files, {summary.TotalBytes / 1048576.0:F1} MB in {clock.Elapsed.TotalSeconds:F2} s");
        if (accepted > 0) console.Out.WriteLine($"{accepted} skipped revisions or files are accepted by {Baseline.FileName}");
        if (problems.Length > 0) console.Out.WriteLine($"{problems.Length} revisions or files were skipped; run `universe validate {ShellText.Word(path)}` for details");
        return problems.Length > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
