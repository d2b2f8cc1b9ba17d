using System.CommandLine;
using Pipeline.Diagnostics.Baselines;
using Pipeline.Diagnostics.Runs;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>universe baseline [PATH] [--prune] [--output FILE]</c>: writes universe-baseline.json, the
/// findings of the released revisions as they are now, so that an existing universe can adopt the
/// pipeline: those findings are then accepted, and only new ones block. Without --prune the file
/// is replaced by the current findings (an existing baseline is a snapshot, not a ledger; the
/// added and removed counts say what changed, and the diff shows it for review). With --prune
/// entries no longer found are dropped and nothing is ever added.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment)
    {
        var path = TreeArgument.Create();
        var prune = new Option<bool>("--prune") { Description = "Only drop entries whose findings are gone; never add any." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of universe-baseline.json in the universe root." };
        var command = new Command("baseline", "Write universe-baseline.json: the current findings of released revisions, accepted from now on.") { path, prune, output };
        command.SetAction(parsed => Run(console, environment.FullPath(parsed.GetValue(path)!), parsed.GetValue(prune), parsed.GetValue(output) is { } file ? environment.FullPath(file) : null));
        return command;
    }

    public static int Run(CliConsole console, string path, bool prune, string? outputFile)
    {
        var root = TreeArgument.FindRoot(path, "baseline", console);
        if (root is null) return ExitCodes.Failure;
        var target = outputFile ?? BaselineFile.PathIn(root);
        var existing = BaselineFile.ReadFile(target);
        foreach (var problem in existing.Problems) console.Error.WriteLine(problem.ToString());
        var report = TreeValidator.Validate(PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false }));
        var current = Baseline.Of(report.Diagnostics);

        Baseline written;
        if (prune)
        {
            if (existing.Baseline is not { } old)
            {
                console.Error.WriteLine(existing.Problems.Count > 0
                    ? $"universe baseline: {target} cannot be read, so it cannot be pruned; run `universe baseline` without --prune to write it anew"
                    : $"universe baseline: there is no {target} to prune");
                return ExitCodes.Failure;
            }
            // Each entry keeps its text; only counts shrink and gone entries go.
            written = old.Intersect(current);
        }
        else
        {
            written = current;
        }
        if (!OutputFile.TryWrite(target, writer => writer.Write(BaselineFile.Write(written)), console)) return ExitCodes.Failure;

        var before = existing.Baseline ?? Baseline.Empty;
        var added = written.Beyond(before).Sum(e => e.Count);
        var removed = before.Beyond(written).Sum(e => e.Count);
        console.Out.WriteLine($"{target}: {Plural(written.Entries.Count, "entry", "entries")} accepting {Plural(written.Findings, "finding", "findings")} ({added} added, {removed} removed)");
        var outside = report.Diagnostics.Count(d => !Baseline.Covers(d));
        if (outside > 0)
        {
            console.Out.WriteLine($"{Plural(outside, "finding", "findings")} outside released revisions cannot be baselined; `universe validate` reports {(outside == 1 ? "it" : "them")}");
        }
        return ExitCodes.Success;
    }

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
