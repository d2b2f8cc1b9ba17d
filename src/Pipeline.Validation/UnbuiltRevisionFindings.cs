using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Validation.Files;

namespace Pipeline.Validation;

/// <summary>
/// What is wrong with a file that stopped the build of a revision, in validation's words: the
/// build only says which file it could not use, so the rules that check package files are worded
/// in one place. A revision without package.json has nothing here: the tree reader reports it.
/// </summary>
public static class UnbuiltRevisionFindings
{
    /// <param name="revision">The revision; its contents are read again when dropped.</param>
    /// <param name="fileName">The file that stopped the build.</param>
    public static IReadOnlyList<Diagnostic> For(PackageRevision revision, string fileName, RepositorySettings settings)
    {
        var loaded = revision.Load();
        if (loaded.File(fileName) is not { } file) return [];
        var diagnostics = new List<Diagnostic>();
        if (!file.Loaded)
        {
            UnreadableFiles.Report(loaded, diagnostics);
            return [.. diagnostics.Where(d => d.File == file.RelativePath)];
        }
        RevisionValidator.Validate(loaded, settings, diagnostics);
        var errors = diagnostics.Where(d => d.File == file.RelativePath && d.Severity == Severity.Error).ToList();
        if (errors.Count > 0) return errors;
        // The build's reader refused what validation's accepts (a nesting deeper than it reads).
        return [JsonFileReader.UnreadableForBuild(file.RelativePath, file.Name)];
    }
}
