using Pipeline.Diagnostics.Reports;
using Pipeline.Promotion.Planning;

namespace Pipeline.Promotion;

/// <summary>
/// What a promotion did. <see cref="Plan"/> is null when the version could not be found;
/// <see cref="Validation"/> is null when nothing was validated (a dry run, a refusal).
/// </summary>
public sealed record PromotionOutcome(PromotionStatus Status, PromotionPlan? Plan, string? Problem, ValidationReport? Validation)
{
    /// <summary>Whether the change stands (or, for a dry run, could be attempted).</summary>
    public bool Succeeded => Status is PromotionStatus.Planned or PromotionStatus.Promoted or PromotionStatus.Validated;
}
