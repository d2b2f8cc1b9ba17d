namespace Pipeline.Packages.Settings;

/// <summary>What <see cref="BumpPolicy.Decide"/> says about one bump: allowed or not, and why, in a sentence.</summary>
public sealed record BumpDecision(bool Allowed, string Reason);
