namespace Pipeline.Repositories.Resolution;

/// <summary>
/// Every version of one package across the repositories, by priority then newest first, with the
/// repository the bare name resolves in (the highest-priority one that has it; null when none does).
/// </summary>
public sealed record VersionsResult(string Name, IReadOnlyList<SourcedPackage> Versions, string? ResolvesIn, IReadOnlyList<RepositoryWarning> Warnings);
