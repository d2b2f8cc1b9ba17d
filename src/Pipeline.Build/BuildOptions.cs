namespace Pipeline.Build;

public sealed record BuildOptions
{
    /// <summary>The commit the package tree was read from, recorded in index.json.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>Also write <c>&lt;file&gt;.gz</c> beside every file whose gzip copy is smaller.</summary>
    public bool Gzip { get; init; }

    /// <summary>Worker threads for building revisions and hashing; defaults to the processor count.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
