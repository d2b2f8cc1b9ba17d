namespace Pipeline.Testing.FakeGitHub;

/// <param name="Status">added, modified, removed, renamed, copied, changed or unchanged, as GitHub spells them.</param>
public sealed record FakePullRequestFile(string Filename, string Status, string? PreviousFilename = null);
