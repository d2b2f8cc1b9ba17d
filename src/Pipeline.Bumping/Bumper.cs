using Pipeline.Bumping.Assets;
using Pipeline.Bumping.Editing;
using Pipeline.Bumping.Planning;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;

namespace Pipeline.Bumping;

/// <summary>
/// Makes a framework's new version the next revision of its package in a local universe folder (a
/// checkout, or the copy <see cref="GitHub.UniverseDownload"/> makes): plans it from the latest
/// revision, checks it with the pull-request rules and writes it, or refuses saying why.
/// <c>policies.bump</c> is decided before anything is downloaded.
/// </summary>
public static class Bumper
{
    /// <summary>Plans, then writes and validates (a dry run validates in a copy); a revision that does not validate is taken out again.</summary>
    /// <exception cref="IOException">The universe folder cannot be read or written.</exception>
    public static async Task<BumpOutcome> BumpAsync(BumpRequest request, string universeRoot, IAssetFetcher assets, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var (plan, refusal) = await PlanAsync(request, universeRoot, assets, time, cancellationToken).ConfigureAwait(false);
        return plan is null ? refusal! : BumpValidation.WriteAndValidate(plan, universeRoot, request.DryRun);
    }

    /// <summary>The new revision, in memory; the universe folder is only read.</summary>
    /// <exception cref="IOException">The universe folder cannot be read.</exception>
    public static Task<(BumpPlan? Plan, BumpOutcome? Refusal)> PlanAsync(BumpRequest request, string universeRoot, IAssetFetcher assets, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(universeRoot);
        var settings = RepositorySettingsReader.Read(universeRoot, []);
        return PlanAsync(request, universeRoot, settings.Policies, assets, time, cancellationToken);
    }

    /// <summary>As <see cref="PlanAsync(BumpRequest, string, IAssetFetcher, TimeProvider, CancellationToken)"/> with the policies given.</summary>
    internal static async Task<(BumpPlan? Plan, BumpOutcome? Refusal)> PlanAsync(BumpRequest request, string universeRoot, PolicySettings policies, IAssetFetcher assets, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            if (!PackageFolder.IsName(request.Name)) return (null, BumpOutcome.Refuse($"`{PackageFolder.Shown(request.Name)}` is not a package name (lower-case letters, digits and '-', starting with a letter)"));
            if (VersionText.Problem(request.Version) is { } badVersion) return (null, BumpOutcome.Refuse($"--version `{PackageFolder.Shown(request.Version)}`: {badVersion}"));
            var decision = BumpPolicy.Decide(policies, request.Name, request.SourceRepository, author: null);
            if (!decision.Allowed) return (null, BumpOutcome.Refuse(decision.Reason));
            var plan = await MakeAsync(request, universeRoot, assets, time, cancellationToken).ConfigureAwait(false);
            return (plan, null);
        }
        catch (BumpRefusal refusal)
        {
            return (null, BumpOutcome.Refuse(refusal.Message));
        }
        catch (AssetDownloadException failed)
        {
            return (null, BumpOutcome.Refuse($"an asset did not download, so its sha256 is unknown: {failed.Message}"));
        }
    }

    private static async Task<BumpPlan> MakeAsync(BumpRequest request, string root, IAssetFetcher assets, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = PackageFolder.Find(root, request.Name);
        if (folder.Revisions.FirstOrDefault(r => r.Version == request.Version) is { Version: not null } used)
        {
            throw new BumpRefusal($"{request.Name} {request.Version} is already revision {used.Revision} (packages/{folder.Letter}/{request.Name}/{used.Revision}); a version is published once");
        }
        var latest = folder.Revisions[^1];
        if (latest.Version is not { Length: > 0 } previousVersion)
        {
            throw new BumpRefusal($"revision {latest.Revision} of {request.Name}, the latest, has no readable package.json with a version to bump from");
        }

        var files = folder.LatestFiles();
        var json = files.Where(f => f.Name is KnownFiles.Package or KnownFiles.Config or KnownFiles.Resource or KnownFiles.Command)
            .ToDictionary(f => f.Name, JsonFile.Parse, StringComparer.Ordinal);
        var changes = new List<string>();
        PackageEdits.Apply(json[KnownFiles.Package], previousVersion, request.Version, time.GetUtcNow(), changes);
        var urlsBefore = ResourceEdits.Before(json.GetValueOrDefault(KnownFiles.Resource));
        foreach (var set in request.Sets) PackageEdits.Set(json, FileSetting.Parse(set), changes);
        var changedUrls = ResourceEdits.Apply(json.GetValueOrDefault(KnownFiles.Resource), urlsBefore, previousVersion, request.Version, request.Assets);
        var updates = await AssetHashes.FetchAsync(changedUrls, assets, request.MaxAssetBytes, changes, cancellationToken).ConfigureAwait(false);

        var written = files.Select(f => json.TryGetValue(f.Name, out var edited) && edited.Changed ? edited.ToFile() : f).ToArray();
        return new BumpPlan(request.Name, folder.Letter, latest.Revision, previousVersion, latest.Revision + 1, request.Version, written, changes, updates)
        {
            SourceRepository = request.SourceRepository,
            ReleaseUrl = request.ReleaseUrl,
        };
    }
}
