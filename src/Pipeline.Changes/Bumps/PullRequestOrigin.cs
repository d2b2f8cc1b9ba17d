namespace Pipeline.Changes.Bumps;

/// <summary>
/// Who opened a pull request and what its body says, from the event payload
/// (<c>pull_request.user.login</c>, <c>pull_request.body</c>). GitHub sets the author; the body
/// is the author's to write, so bump metadata in it is a claim.
/// </summary>
public sealed record PullRequestOrigin(string? Author, string? Body);
