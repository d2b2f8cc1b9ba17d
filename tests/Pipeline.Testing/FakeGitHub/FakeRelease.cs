namespace Pipeline.Testing.FakeGitHub;

public sealed record FakeRelease(
    long Id,
    string TagName,
    string? Name,
    string? Body,
    bool Draft,
    bool Prerelease,
    string TargetCommitish,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);

public sealed record FakeReleaseAsset(
    int Id,
    long ReleaseId,
    string Name,
    string? Label,
    string ContentType,
    byte[] Content,
    DateTimeOffset CreatedAt)
{
    public int Size => Content.Length;
}
