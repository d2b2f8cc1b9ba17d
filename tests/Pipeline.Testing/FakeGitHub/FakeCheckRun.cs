using System.Collections.Immutable;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>A check run as the fake holds it, with every annotation it was ever sent.</summary>
/// <param name="AnnotationBatches">How many annotations each request carried, in order (requests with none left out).</param>
public sealed record FakeCheckRun(
    long Id,
    string Name,
    string HeadSha,
    string Status,
    string? Conclusion,
    string? Title,
    string? Summary,
    ImmutableList<FakeAnnotation> Annotations,
    ImmutableList<int> AnnotationBatches);

public sealed record FakeAnnotation(
    string Path,
    int StartLine,
    int EndLine,
    string Level,
    string Message,
    string? Title,
    int? StartColumn,
    int? EndColumn);
