using System.CommandLine;
using System.Diagnostics;
using Pipeline.Build;
using Pipeline.Build.Output;
using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Reports;
using Pipeline.Packages;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe build [PATH] --output DIR [--gzip] [--commit SHA]</c>.</summary>
public static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var path = TreeArgument.Create();
        var output = new Option<string>("--output", "-o") { Description = "The folder to build into.", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Also write a .gz copy of every file whose copy is smaller." };
        var commit = new Option<string?>("--commit") { Description = "The source commit recorded in index.json (default: read from .git)." };
        var command = new Command("build", "Build index.json, the package files, the DC/OS repository files and SHA256SUMS.") { path, output, gzip, commit };
        command.SetAction(parsed => Run(console, parsed.GetValue(path)!, parsed.GetValue(output)!, parsed.GetValue(gzip), parsed.GetValue(commit)));
        return command;
    }

    public static int Run(CliConsole console, string path, string output, bool gzip, string? commit)
    {
        var clock = Stopwatch.StartNew();
        var root = TreeArgument.FindRoot(path, "build", console);
        if (root is null) return ExitCodes.Failure;
        var tree = PackageTreeReader.Read(root);
        var result = RepositoryBuilder.Build(tree, new BuildOptions { SourceCommit = commit ?? SourceCommit.Find(root), Gzip = gzip });
        try
        {
            BuildOutputWriter.Write(result, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe build: cannot write {output}: {e.Message}");
            return ExitCodes.Failure;
        }
        var problems = tree.Diagnostics.Where(d => d.Severity == Severity.Error).Concat(result.Diagnostics).ToArray();
        foreach (var diagnostic in ValidationReport.Sort(problems))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }
        var bytes = result.Files.Sum(f => (long)f.Length);
        console.Out.WriteLine($"built {tree.Revisions.Count} revisions of {tree.Packages().Count()} packages into {output}: {result.Files.Count} files, {bytes / 1048576.0:F1} MB in {clock.Elapsed.TotalSeconds:F2} s");
        if (problems.Length > 0) console.Out.WriteLine($"{problems.Length} revisions or files were skipped; run `universe validate` for details");
        return problems.Length > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
