using Pipeline.Diagnostics;
using Pipeline.Diagnostics.Paths;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages.Settings;
using Pipeline.Validation.Files;

namespace Pipeline.Validation.Layout;

/// <summary>
/// The layout rules (UNI001–011, UNI013) and universe.yaml's (UNI115, and UNI106, 007, 010, 013 on
/// that file): each fact the tree reader recorded becomes its diagnostic here, the one place these
/// rules are worded. UNI015's wording is <see cref="PortablePath"/>'s, shared with change detection.
/// </summary>
public static class LayoutRules
{
    /// <summary>The diagnostics for what the reader found in <paramref name="tree"/>, in the reader's order.</summary>
    public static IReadOnlyList<Diagnostic> Check(PackageTree tree)
    {
        var diagnostics = new List<Diagnostic>(tree.Findings.Count);
        foreach (var finding in tree.Findings)
        {
            if (Diagnose(finding) is { } diagnostic) diagnostics.Add(diagnostic);
        }
        return diagnostics;
    }

    public static Diagnostic? Diagnose(LayoutFinding finding) => finding switch
    {
        StrayEntry f => RuleCatalog.StrayFile.At(f.Path, f.Level switch
        {
            TreeLevel.PackagesFolder => $"{f.Name} sits directly in packages/; only letter folders belong there",
            TreeLevel.LetterFolder => $"{f.Name} sits in a letter folder; only package folders belong there",
            _ => $"{f.Name} sits in a package folder; only revision folders (0, 1, 2, …) belong there",
        }),
        MisnamedLetterFolder f => RuleCatalog.BadLetterFolder.At(f.Path, $"letter folder `{f.Letter}` must be a single upper-case letter A–Z"),
        MisnamedPackageFolder f => RuleCatalog.BadPackageFolderName.At(f.Path,
            $"package folder `{f.Name}` is not a valid package name: use lower-case letters, digits and inner dashes, starting with a letter"),
        MisplacedPackageFolder f => RuleCatalog.WrongLetterFolder.At(f.Path,
            $"package `{f.Name}` is in packages/{f.Letter}/ but belongs in packages/{char.ToUpperInvariant(f.Name[0])}/"),
        MisnamedRevisionFolder f => RuleCatalog.BadRevisionFolder.At(f.Path,
            $"revision folder `{f.Name}` of `{f.Package}` must be a non-negative integer without leading zeros"),
        EmptyTreeFolder { Level: TreeLevel.LetterFolder } f => RuleCatalog.EmptyFolder.At(f.Path, $"letter folder `{f.Name}` holds no packages"),
        EmptyTreeFolder f => RuleCatalog.EmptyFolder.At(f.Path, $"package folder `{f.Name}` holds no revision folders"),
        UnknownRevisionEntry { IsFolder: true } f => RuleCatalog.UnknownRevisionFile.At(f.Path, $"folder `{f.Name}` inside a revision is ignored by clients"),
        UnknownRevisionEntry f => RuleCatalog.UnknownRevisionFile.At(f.Path, $"`{f.Name}` is not a revision file and is ignored by clients"),
        RevisionWithoutPackageJson f => RuleCatalog.MissingPackageJson.At(f.Path, $"revision {f.ReleaseVersion} of `{f.Package}` has no package.json"),
        RefusedLink f => RuleCatalog.SymlinkOutsideTree.At(f.Path, f.Refusal),
        FollowedLink f => RuleCatalog.Symlink.At(f.Path, $"`{f.Name}` is a link to `{f.Target}`"),
        UnportableEntryName f => PortablePath.DiagnoseLast(f.Path),
        OversizedRevisionFile f => RuleCatalog.FileTooLarge.At(f.Path, $"`{f.Name}` is {f.Length:N0} bytes; package files are limited to {f.Limit:N0} bytes"),
        UnreadableEntry { IsFolder: true } f => RuleCatalog.UnreadableFile.At(f.Path, $"folder cannot be listed: {f.Problem}"),
        UnreadableEntry f => RuleCatalog.UnreadableFile.At(f.Path, f.Problem),
        UnreadableSettings { TooLarge: true } f => RuleCatalog.FileTooLarge.At(f.Path,
            $"{RepositorySettingsReader.FileName} is too large: {f.Problem}; settings files are limited to {f.Limit:N0} bytes"),
        UnreadableSettings f => RuleCatalog.UnreadableFile.At(f.Path, $"{RepositorySettingsReader.FileName} cannot be read: {f.Problem}"),
        SettingsProblem { Kind: SettingsProblemKind.TooDeep } f => YamlDepth.TooDeep(f.Path, f.Line, f.Column,
            $"{RepositorySettingsReader.FileName} is nested too deeply: {f.Message}; the settings were not read"),
        SettingsProblem { Kind: SettingsProblemKind.InvalidYaml } f => RuleCatalog.InvalidRepositorySettings.At(f.Path, f.Line, f.Column,
            $"{RepositorySettingsReader.FileName} is not valid YAML: {f.Message}"),
        SettingsProblem f => RuleCatalog.InvalidRepositorySettings.At(f.Path, f.Line, f.Column, f.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(finding), finding, "a layout finding no rule words"),
    };

    /// <summary>UNI010 for a file the JSON parser refused by its own limit (above the reader's unless a caller raised that).</summary>
    public static Diagnostic TooLarge(string path, SourcePosition position, string message) =>
        RuleCatalog.FileTooLarge.At(path, position, message);

    /// <summary>UNI013 for a revision file whose contents could not be read when it was loaded.</summary>
    public static Diagnostic Unreadable(RevisionFile file, string problem) =>
        Diagnose(new UnreadableEntry(file.RelativePath, problem, IsFolder: false))!;
}
