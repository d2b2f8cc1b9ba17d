using Pipeline.Diagnostics.Reports;
using Pipeline.GitHub.Releases;

namespace Pipeline.Publishing;

/// <summary>What a publish did. <see cref="Published"/> is false when validation found errors: then nothing was written.</summary>
public sealed record PublishResult(
    bool Published,
    ValidationReport Validation,
    string? OutputFolder,
    int Files,
    long Bytes,
    string? Digest,
    string? ReleaseTag,
    ReleaseOutcome? Release,
    string? ReleaseNote)
{
    /// <summary>
    /// A release was asked for, but there was no token or repository to make it with; the caller
    /// says so (<see cref="Publisher.NoCredentialsMessage"/>) in its own way.
    /// </summary>
    public bool MissingCredentials { get; init; }
}
