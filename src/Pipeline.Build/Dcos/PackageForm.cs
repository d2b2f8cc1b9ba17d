namespace Pipeline.Build.Dcos;

/// <summary>The shapes a package takes in Universe's repository files.</summary>
internal enum PackageForm
{
    /// <summary>As generated from the revision's files: universe.json and releases from 1.10 on.</summary>
    Universe,

    /// <summary>
    /// For releases before 1.10: <c>upgradesFrom</c> and <c>downgradesTo</c> removed and
    /// <c>packagingVersion</c> set to "3.0" (unless it already is "2.0" or "3.0"), and the config's
    /// description and string default texts escaped once more (<see cref="ConfigEscaping"/>).
    /// Packaging 2.0 and 3.0 packages keep their packaging version; there is no other conversion.
    /// </summary>
    DowngradedToV3,
}
