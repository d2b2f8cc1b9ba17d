using System.Text.RegularExpressions;
using Pipeline.Changes.Base;
using Pipeline.Changes.ChangeSets;
using Pipeline.Changes;
using Pipeline.Diagnostics.Reports;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Promotion.Planning;
using Pipeline.Repositories.Sources;

namespace Pipeline.Promotion;

/// <summary>
/// Promotes a package version into a working tree of the production repository: finds it in the
/// source, refuses when the target already has that version, writes its files under the next free
/// revision number and validates the target with the pull-request rules for that package alone.
/// A promotion that does not validate is taken out again: the production repository's own
/// pull-request check would refuse it, and half-promoted folders are worse than none.
/// </summary>
public static partial class Promoter
{
    /// <exception cref="SourceUnavailableException">The source cannot be read.</exception>
    /// <exception cref="IOException">The target cannot be read or written.</exception>
    public static async Task<PromotionOutcome> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, refusal) = await PlanAsync(request, cancellationToken).ConfigureAwait(false);
        if (plan is null) return refusal!;
        if (request.DryRun) return new PromotionOutcome(PromotionStatus.Planned, plan, null, null);

        var created = Write(plan);
        ValidationReport report;
        try
        {
            report = Validate(plan);
        }
        catch
        {
            Remove(plan, created);
            throw;
        }
        if (report.Errors > 0)
        {
            Remove(plan, created);
            return new PromotionOutcome(PromotionStatus.RolledBack, plan,
                $"{plan.Directory} was removed again: the target does not validate with it ({report.Errors} error(s))", report);
        }
        if (request.KeepWorkingTreeClean)
        {
            Remove(plan, created);
            return new PromotionOutcome(PromotionStatus.Validated, plan, null, report);
        }
        return new PromotionOutcome(PromotionStatus.Promoted, plan, null, report);
    }

    /// <summary>Reads the source and the target and decides where the revision goes; null with the refusal when it cannot go anywhere.</summary>
    public static async Task<(PromotionPlan? Plan, PromotionOutcome? Refusal)> PlanAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!NamePattern().IsMatch(request.Name))
        {
            return (null, Refuse(PromotionStatus.NotFound, null, $"`{request.Name}` is not a package name (lower-case letters, digits and '-')"));
        }
        var root = TreeLocator.FindRoot(request.TargetPath, out var reason);
        if (root is null) return (null, Refuse(PromotionStatus.NotFound, null, $"the target is not a working tree: {reason}"));

        var (source, problem) = await SourceRevisionReader.ReadAsync(request.Source, request.Name, request.Version, cancellationToken).ConfigureAwait(false);
        if (source is null) return (null, Refuse(PromotionStatus.NotFound, null, problem!));
        if (source.Files.All(f => f.Name != KnownFiles.Package)) return (null, Refuse(PromotionStatus.NotFound, null, $"{request.Name}@{request.Version} in {source.Location} has no package.json"));

        var existing = TargetInventory.Read(root, request.Name);
        var letter = existing.Count > 0 ? existing[0].Directory.Split('/')[1] : char.ToUpperInvariant(request.Name[0]).ToString();
        var next = existing.Count == 0 ? 0 : existing.Max(r => r.ReleaseVersion) + 1;
        var plan = new PromotionPlan(source, root, letter, next, existing);
        if (existing.FirstOrDefault(r => r.Version == request.Version) is { } clash)
        {
            return (null, Refuse(PromotionStatus.Conflict, plan,
                $"{request.Name}@{request.Version} is already in the target as revision {clash.ReleaseVersion} ({clash.Directory}); a version is promoted once"));
        }
        return (plan, null);
    }

    /// <summary>The pull-request rules for the promoted package alone, as the production repository's check would run them.</summary>
    public static ValidationReport Validate(PromotionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = ChangeSet.FromFiles(plan.Paths.Select(p => new ChangedFile(p, ChangeStatus.Added)));
        // The files just written are "added", so the inferred base is the tree as it was before.
        var baseView = BaseView.Infer(plan.TargetRoot, changes);
        return ChangeValidation.Validate(plan.TargetRoot, changes, baseView, []).Report;
    }

    /// <returns>The folders this created, deepest first, for <see cref="Remove"/>.</returns>
    private static List<string> Write(PromotionPlan plan)
    {
        var created = new List<string>();
        var folder = plan.TargetRoot;
        // Never write into (and so never roll back) a folder that was there before.
        if (Directory.Exists(Path.Combine(folder, plan.Directory))) throw new IOException($"{plan.Directory} already exists in {plan.TargetRoot}");
        foreach (var part in plan.Directory.Split('/'))
        {
            folder = Path.Combine(folder, part);
            if (Directory.Exists(folder)) continue;
            Directory.CreateDirectory(folder);
            created.Insert(0, folder);
        }
        try
        {
            foreach (var file in plan.Source.Files)
            {
                using var stream = new FileStream(Path.Combine(folder, file.Name), FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Content.Span);
            }
        }
        catch
        {
            Remove(plan, created);
            throw;
        }
        return created;
    }

    /// <summary>Takes out the revision folder and any parent folder the promotion made, leaving the tree as it was.</summary>
    private static void Remove(PromotionPlan plan, List<string> created)
    {
        var revision = Path.Combine(plan.TargetRoot, plan.Directory);
        if (Directory.Exists(revision)) Directory.Delete(revision, recursive: true);
        foreach (var folder in created)
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
    }

    private static PromotionOutcome Refuse(PromotionStatus status, PromotionPlan? plan, string problem) => new(status, plan, problem, null);

    [GeneratedRegex("^[a-z][a-z0-9-]*[a-z0-9]$")]
    private static partial Regex NamePattern();
}
