namespace Pipeline.Build.Json;

/// <summary>How a <see cref="CanonicalJsonWriter"/> separates tokens.</summary>
internal enum JsonLayout
{
    /// <summary>
    /// Python's <c>json.dump</c> defaults (", " and ": "), the layout of Universe's own repository
    /// files: with it our DC/OS files match Universe's byte for byte, package by package.
    /// </summary>
    Python,

    /// <summary>No whitespace at all, for our own formats.</summary>
    Compact,
}
