using Pipeline.Packages.Documents;
using Pipeline.Packages.Model;

namespace Pipeline.Build;

/// <summary>
/// A revision the build left out, and the file that stopped it: <see cref="DocumentOutcome.Absent"/>
/// (no package.json; <see cref="FileName"/> is package.json), <see cref="DocumentOutcome.Unreadable"/>
/// or <see cref="DocumentOutcome.Malformed"/> (not UTF-8, not JSON, or a package.json that is not
/// an object). A value, not a diagnostic: validation is what words problems in package files, so
/// a caller that reports these asks it (<c>Pipeline.Validation.UnbuiltRevisionFindings</c>).
/// </summary>
/// <param name="Revision">The revision, its contents dropped (read again when it is reported on).</param>
public sealed record UnbuiltRevision(PackageRevision Revision, string FileName, DocumentOutcome Outcome)
{
    /// <summary>The file's path relative to the tree root, '/' separated.</summary>
    public string RelativePath => Revision.Folder.RelativePath(FileName);
}
