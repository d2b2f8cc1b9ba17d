namespace Pipeline.Bumping;

public enum BumpStatus
{
    /// <summary>The bump cannot be made as asked (policy, package, version, options, an asset); nothing was written.</summary>
    Refused,

    /// <summary>The new revision did not pass the pull-request rules and was taken out again.</summary>
    RolledBack,

    /// <summary>A dry run: the new revision validated in a copy; the universe folder is as it was.</summary>
    Planned,

    /// <summary>The new revision is written into the universe folder and validates.</summary>
    Written,
}
