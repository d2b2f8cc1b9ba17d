using Pipeline.Diagnostics.Reports;

namespace Pipeline.Bumping;

/// <summary>What a bump did: the plan when it got that far, why it stopped, and the validation report when it ran.</summary>
public sealed record BumpOutcome(BumpStatus Status, BumpPlan? Plan, string? Problem, ValidationReport? Validation)
{
    public bool Succeeded => Status is BumpStatus.Planned or BumpStatus.Written;

    internal static BumpOutcome Refuse(string problem) => new(BumpStatus.Refused, null, problem, null);
}
