namespace Pipeline.GitHub.Errors;

/// <summary>One entry of the <c>errors</c> array of a GitHub 422 answer.</summary>
public sealed record GitHubValidationError(string? Resource, string? Code, string? Field, string? Message);
