namespace Pipeline.Promotion;

public enum PromotionStatus
{
    /// <summary>A dry run: the plan, nothing written.</summary>
    Planned,

    /// <summary>The revision was written and the target validates.</summary>
    Promoted,

    /// <summary>The revision was written, validated and taken out again (a pull request carries it instead).</summary>
    Validated,

    /// <summary>The version is not in the source (or the reference or source is unusable); nothing written.</summary>
    NotFound,

    /// <summary>The target already has the version; nothing written.</summary>
    Conflict,

    /// <summary>Validation of the target found errors; what was written was removed.</summary>
    RolledBack,
}
