using Pipeline.Packages.Documents;
using Pipeline.Packages.Model;
using Pipeline.Site.Model;

namespace Pipeline.Site.Reading;

/// <summary>
/// Reads what the site shows from one revision's read model (<see cref="RevisionDocuments"/>).
/// Never throws on bad content: a file that does not parse is noted on the page, and a revision
/// without a readable package.json object is left out.
/// </summary>
internal static class RevisionReader
{
    public static SiteRevision? Read(PackageRevision revision)
    {
        revision = revision.Load();
        var documents = RevisionDocuments.Read(revision);
        if (documents.Package is not { IsObject: true } package) return null;
        var problems = new List<string>();

        var site = new SiteRevision
        {
            Name = revision.Name,
            ReleaseVersion = revision.ReleaseVersion,
            Version = package.Version ?? "",
            PackagingVersion = package.PackagingVersion,
            MinDcosReleaseVersion = package.MinDcosReleaseVersion,
            Maintainer = package.Maintainer,
            Description = package.Description ?? "",
            Tags = package.Tags,
            Website = package.Website,
            Scm = package.Scm,
            Licenses = package.Licenses,
            PreInstallNotes = package.PreInstallNotes,
            PostInstallNotes = package.PostInstallNotes,
            PostUninstallNotes = package.PostUninstallNotes,
            Framework = package.Framework,
            Selected = package.Selected,
            HasKnownIssues = package.HasKnownIssues,
            LastUpdated = package.LastUpdated,
            UpgradesFrom = package.UpgradesFrom,
            DowngradesTo = package.DowngradesTo,
            Readme = revision.Readme is { Loaded: true } readme ? RevisionText.Of(readme.Content) : null,
            HasConfig = revision.ConfigJson is not null,
            Descriptors = [.. documents.Descriptors().Select(d => new Descriptor(d.File.Name, d.Text))],
        };
        // The options table reads the schema as the rules do (the model's OptionTree).
        if (Parsed(documents.ConfigFile, problems) && documents.Options is { } options) site = site with { Options = OptionsTable.Rows(options) };
        if (Parsed(documents.ResourceFile, problems) && documents.Resource is { } resource)
        {
            site = site with
            {
                Images = resource.Images,
                AssetUris = resource.AssetUris,
                DockerImages = resource.DockerImages,
                CliBinaries = resource.CliBinaries,
            };
        }
        if (Parsed(documents.CommandFile, problems)) site = site with { PipRequirements = documents.PipRequirements };
        foreach (var file in revision.Files)
        {
            if (!file.Loaded) problems.Add(file.LoadProblem ?? $"{file.Name} could not be read");
        }
        return site with { Problems = problems };
    }

    /// <summary>Whether the file parsed; a file that is there but does not parse is noted.</summary>
    private static bool Parsed(RevisionJsonFile file, List<string> problems)
    {
        if (file.Outcome == DocumentOutcome.Malformed)
        {
            problems.Add($"{file.File!.Name} is not valid JSON ({file.Problems.FirstOrDefault()?.Message ?? "unreadable"})");
        }
        return file.Outcome == DocumentOutcome.Parsed;
    }
}
