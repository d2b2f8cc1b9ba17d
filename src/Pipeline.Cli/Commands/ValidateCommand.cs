using System.CommandLine;
using Pipeline.Diagnostics.Paths;
using Pipeline.Diagnostics.Reports;
using Pipeline.Diagnostics.Runs;
using Pipeline.Diagnostics;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Cli.Commands;

/// <summary><c>universe validate [PATH] [--format text|json|sarif] [--output FILE] [--no-baseline] [--base REF]</c>.</summary>
public static class ValidateCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var path = TreeArgument.Create();
        var format = new Option<string>("--format") { Description = "Report format: text, json or sarif.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output." };
        var noBaseline = BaselineOption.Create();
        var baseRef = new Option<string?>("--base")
        {
            Description = "Validate as the pull-request check would: only what the working tree changes since its merge base with REF (a branch or commit), with the change and upgrade rules.",
            HelpName = "REF",
        };
        var command = new Command("validate", "Validate a package tree and report every problem with file, line, rule and hint.") { path, format, output, noBaseline, baseRef };
        command.SetAction(parsed => Run(console, environment, parsed.GetValue(path)!, Enum.Parse<ReportFormat>(parsed.GetValue(format)!, ignoreCase: true), parsed.GetValue(output), !parsed.GetValue(noBaseline), parsed.GetValue(baseRef)));
        return command;
    }

    public static int Run(CliConsole console, ProcessEnvironment environment, string path, ReportFormat format, string? outputFile, bool useBaseline = true, string? baseRef = null)
    {
        var root = TreeArgument.FindRoot(environment.FullPath(path), "validate", console);
        if (root is null) return ExitCodes.Failure;
        ValidationReport report;
        if (baseRef is null)
        {
            var tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });
            report = TreeValidator.Validate(tree);
            if (useBaseline) report = BaselineFile.Apply(report, root);
        }
        else if (!useBaseline)
        {
            // The pull-request check judges the baseline's changes against the base's; without it
            // the comparison would not be the check's.
            console.Error.WriteLine("universe validate: --no-baseline cannot be used with --base (the pull-request check always applies the base's baseline)");
            return ExitCodes.Failure;
        }
        else if (ChangedSince.Validate(root, baseRef, console) is { } changed)
        {
            report = changed;
        }
        else
        {
            return ExitCodes.Failure;
        }
        // SARIF and JSON place files relative to the Git work tree, so code scanning takes the file
        // as is; text shows them relative to the current folder when the tree is inside it, which
        // the user can paste, and relative to the universe root otherwise.
        var fromHere = RepositoryPaths.Of(root, environment.CurrentDirectory, out var outsideHere);
        var paths = format != ReportFormat.Text ? RepositoryPaths.FromGit(root)
            : outsideHere is null ? fromHere
            : RepositoryPaths.None;
        if (outputFile is null)
        {
            ReportWriters.Write(format, report, console.Out, color: console.IsTerminal && format == ReportFormat.Text, paths, path);
        }
        else if (!OutputFile.TryWrite(environment.FullPath(outputFile), writer => ReportWriters.Write(format, report, writer, paths: paths, universeFolder: path), console))
        {
            return ExitCodes.Failure;
        }
        else
        {
            console.Error.WriteLine($"{(report.Errors > 0 ? "invalid" : "valid")}: {report.Errors} errors, {report.Warnings} warnings{(report.Baseline is null ? "" : $", {report.Accepted.Count} accepted")}; report written to {outputFile}");
        }
        return report.Errors > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
