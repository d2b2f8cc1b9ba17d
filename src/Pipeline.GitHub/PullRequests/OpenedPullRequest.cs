namespace Pipeline.GitHub.PullRequests;

/// <param name="Created">True when it was opened now, false when an open one was updated.</param>
public sealed record OpenedPullRequest(int Number, string HtmlUrl, bool Created);
