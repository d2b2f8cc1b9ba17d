namespace Pipeline.Packages.Documents;

/// <summary>What reading one of a revision's JSON files came to; the caller decides what each means for it.</summary>
public enum DocumentOutcome
{
    /// <summary>The revision has no such file.</summary>
    Absent,

    /// <summary>The file exists but its bytes could not be read (see <see cref="RevisionJsonFile.LoadProblem"/>).</summary>
    Unreadable,

    /// <summary>The bytes are not a JSON document (invalid UTF-8, a syntax error, too large or too deep): no root.</summary>
    Malformed,

    /// <summary>The file parsed; its root may still be of any kind, and <see cref="RevisionJsonFile.Problems"/> may note a byte order mark or a repeated key.</summary>
    Parsed,
}
