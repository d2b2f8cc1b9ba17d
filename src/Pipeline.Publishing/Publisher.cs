using Pipeline.Build;
using Pipeline.GitHub.Releases;
using Pipeline.GitHub;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;
using Pipeline.Site;
using Pipeline.Validation.Baselines;
using Pipeline.Validation;

namespace Pipeline.Publishing;

/// <summary>
/// Publishes a universe: validates the tree (a tree with errors publishes nothing, so the last
/// good publication stays), builds the site with the index and repository files into the output
/// folder (written atomically), then makes a GitHub release carrying the index files and
/// checksums, tagged from the date and the content digest; the site's pages link to that release's
/// copies of the files (to the latest release's when nothing changed). Nothing is released when the latest
/// release already has this digest; a draft left by a failed run is completed, not duplicated
/// (see <see cref="ReleasePublisher"/>).
/// </summary>
/// <remarks>
/// <paramref name="log"/> gets plain progress lines; what the caller shows in its own way (the
/// action as a workflow command, the CLI as a line) comes back in the <see cref="PublishResult"/>.
/// </remarks>
public sealed class Publisher(TextWriter log, GitHubApi? github, RepositorySlug? repository, TimeProvider clock)
{
    /// <summary>What to tell the user when <see cref="PublishResult.MissingCredentials"/> is set.</summary>
    public const string NoCredentialsMessage = "no token or repository, so no GitHub release is made";

    public async Task<PublishResult> RunAsync(PublishOptions options, CancellationToken cancellationToken = default)
    {
        var root = TreeLocator.FindRoot(options.Root, out var reason) ?? throw new DirectoryNotFoundException(reason ?? $"{options.Root} holds no universe");
        var tree = PackageTreeReader.Read(root, new TreeReaderOptions { LoadContent = false });
        var validation = TreeValidator.Validate(tree);
        // Old defects of released revisions can never be fixed in place; with them accepted, only new errors stop the publication.
        if (options.UseBaseline) validation = BaselineFile.Apply(validation, root);
        if (validation.Baseline is not null) log.WriteLine($"universe: {validation.Accepted.Count} findings accepted by {validation.Baseline}");
        if (validation.Errors > 0)
        {
            log.WriteLine($"universe: {validation.Errors} errors in the tree; nothing is published and the last publication stays");
            return new PublishResult(false, validation, null, 0, 0, null, null, null, "the tree has errors");
        }

        var output = Path.GetFullPath(options.OutputFolder);
        var site = new SiteOptions { SourceCommit = options.SourceCommit, BaseUrl = tree.Settings.Site.BaseUrl ?? PagesAddress.SiteUrl(repository, options.ServerUrl) };
        if (!options.Release || github is null || repository is null)
        {
            var (built, builtDigest) = Build(tree, output, options, site);
            var missing = options.Release;
            return new PublishResult(true, validation, output, built.Files.Count, built.TotalBytes, builtDigest, null, null, missing ? "no token or repository" : "releases are turned off") { MissingCredentials = missing };
        }

        // The tag comes from the content digest and the pages link to the tag's files, so the
        // repository files are built aside first, for the digest and the release's file names.
        var (digest, assetNames) = BuildAside(tree, options);
        var publisher = github.Releases;
        var latest = await publisher.GetLatestAsync(repository, cancellationToken);
        var unchanged = latest is not null && ReleaseTags.DigestOf(latest.Tag) == digest[..ReleaseTags.DigestLength];
        var tag = unchanged ? latest!.Tag : ReleaseTags.For(clock.GetUtcNow(), digest);
        var (build, _) = Build(tree, output, options, site with { Release = ReleaseLinks.For(options.ServerUrl, repository, tag, assetNames) });
        if (!ReleaseAssets.Names(build).SequenceEqual(assetNames, StringComparer.Ordinal))
        {
            // A small file's gzip copy came out otherwise than predicted: link the names the release gets.
            (build, _) = Build(tree, output, options, site with { Release = ReleaseLinks.For(options.ServerUrl, repository, tag, ReleaseAssets.Names(build)) });
        }
        if (unchanged)
        {
            log.WriteLine($"the latest release {tag} has this content already; no release made");
            return new PublishResult(true, validation, output, build.Files.Count, build.TotalBytes, digest, tag, null, "unchanged since the latest release");
        }
        var assets = ReleaseAssets.From(output, build);
        var body = $"Universe `{tree.Settings.Name}`: {validation.PackageCount} packages, {validation.RevisionCount} revisions.\n\n"
            + $"- content digest: `{digest}`\n" + (options.SourceCommit is { } commit ? $"- commit: `{commit}`\n" : "")
            + "\nThe assets are the condensed index, the DC/OS repository files (gzipped) and their checksums (`SHA256SUMS`).\n";
        var outcome = await publisher.PublishAsync(repository, new ReleaseRequest(tag, $"Universe {tag}", body, assets) { TargetCommitish = options.SourceCommit }, cancellationToken);
        log.WriteLine($"release {tag}: {outcome.Action.ToString().ToLowerInvariant()}, {outcome.Uploaded.Count} assets uploaded ({outcome.HtmlUrl})");
        return new PublishResult(true, validation, output, build.Files.Count, build.TotalBytes, digest, tag, outcome, null);
    }

    /// <summary>Builds the site and every file into the output folder; the digest leaves the site out.</summary>
    private (BuildSummary Build, string Digest) Build(PackageTree tree, string output, PublishOptions options, SiteOptions siteOptions)
    {
        var site = SiteGenerator.Generate(tree, siteOptions);
        var build = RepositoryBuilder.BuildTo(tree, output, new BuildOptions { SourceCommit = options.SourceCommit, Gzip = true }, site);
        var digest = PublicationDigest.Of(build, site.Select(f => f.Path).ToHashSet(StringComparer.Ordinal));
        log.WriteLine($"built {build.Files.Count} files ({build.TotalBytes:N0} bytes, {site.Count} of them the site) into {output}; content digest {digest[..12]}");
        return (build, digest);
    }

    /// <summary>
    /// The digest and release file names of the files without the site, from a build without gzip
    /// copies (a fifth of the time on the corpus) in a temp folder that is then deleted.
    /// </summary>
    private static (string Digest, IReadOnlyList<string> Assets) BuildAside(PackageTree tree, PublishOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("universe-publish-");
        try
        {
            var build = RepositoryBuilder.BuildTo(tree, folder.FullName, new BuildOptions { SourceCommit = options.SourceCommit });
            return (PublicationDigest.Of(build, new HashSet<string>(StringComparer.Ordinal)), ReleaseAssets.PredictNames(folder.FullName, build));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
