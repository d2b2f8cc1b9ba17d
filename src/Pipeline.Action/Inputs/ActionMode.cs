namespace Pipeline.Action.Inputs;

public enum ActionMode
{
    /// <summary>Validate a pull request and report on it in one job (same-repository pull requests).</summary>
    PullRequest,

    /// <summary>Validate with read permission only and write the report file (fork-safe first half).</summary>
    Validate,

    /// <summary>Post a report file written by <see cref="Validate"/>, from a workflow_run workflow.</summary>
    Report,

    /// <summary>Build and publish on a push to the default branch.</summary>
    Publish,

    /// <summary>Open (or update) a pull request on a universe with a framework's new version, from its release workflow.</summary>
    Bump,
}
