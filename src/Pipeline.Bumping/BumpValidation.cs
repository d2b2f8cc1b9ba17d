using Pipeline.Changes;
using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Diagnostics.Reports;
using Pipeline.Packages.Settings;

namespace Pipeline.Bumping;

/// <summary>
/// Writes a planned revision and checks it with the pull-request rules for that package alone, as
/// the universe's own check will (the written files are the change; the tree before them is the
/// base). A revision that does not validate is taken out again; a dry run works in a copy of what
/// the check reads (universe.yaml, the baseline and the package's folder) and leaves the universe
/// folder untouched.
/// </summary>
public static class BumpValidation
{
    private const string Baseline = "universe-baseline.json";

    /// <exception cref="IOException">The folder cannot be written.</exception>
    public static BumpOutcome WriteAndValidate(BumpPlan plan, string universeRoot, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!dryRun) return WriteAndValidate(plan, universeRoot, BumpStatus.Written);
        var copy = Directory.CreateTempSubdirectory("universe-bump-").FullName;
        try
        {
            CopyForCheck(plan, universeRoot, copy);
            return WriteAndValidate(plan, copy, BumpStatus.Planned);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static BumpOutcome WriteAndValidate(BumpPlan plan, string root, BumpStatus success)
    {
        var revision = Path.Combine(root, plan.Directory);
        // Never write into (and so never take out) a folder that was there before.
        if (Directory.Exists(revision)) return new BumpOutcome(BumpStatus.Refused, plan, $"{plan.Directory} already exists", null);
        ValidationReport report;
        try
        {
            foreach (var file in plan.Files)
            {
                var path = Path.Combine(revision, file.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Content.Span);
            }
            report = Validate(plan, root);
        }
        catch
        {
            if (Directory.Exists(revision)) Directory.Delete(revision, recursive: true);
            throw;
        }
        if (report.Errors == 0) return new BumpOutcome(success, plan, null, report);
        Directory.Delete(revision, recursive: true);
        return new BumpOutcome(BumpStatus.RolledBack, plan,
            $"{plan.Directory} was not kept: it does not pass the pull-request rules ({report.Errors} error(s))", report);
    }

    /// <summary>The pull-request rules for the bumped package, with the new revision's files as the change.</summary>
    public static ValidationReport Validate(BumpPlan plan, string root)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = ChangeSet.FromFiles(plan.Paths.Select(p => new ChangedFile(p, ChangeStatus.Added)));
        var baseView = BaseView.Infer(root, changes);
        return ChangeValidation.Validate(root, changes, baseView, []).Report;
    }

    private static void CopyForCheck(BumpPlan plan, string from, string to)
    {
        foreach (var name in new[] { RepositorySettingsReader.FileName, Baseline })
        {
            if (File.Exists(Path.Combine(from, name))) File.Copy(Path.Combine(from, name), Path.Combine(to, name));
        }
        var package = Path.Combine(from, plan.PackageDirectory);
        foreach (var file in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, plan.PackageDirectory, Path.GetRelativePath(package, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
