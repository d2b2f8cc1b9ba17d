namespace Pipeline.Testing.FakeGitHub;

public sealed record FakeIssueComment(long Id, int IssueNumber, string Body, string User, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
