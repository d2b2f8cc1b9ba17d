using System.Net;
using Octokit;

namespace Pipeline.GitHub.Errors;

/// <summary>
/// A GitHub call failed and will not be retried. The message says what we were doing, what GitHub
/// answered and what the user can do, so the action can print it instead of a stack trace.
/// </summary>
public class GitHubReportException : Exception
{
    public GitHubReportException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public GitHubReportException(string operation, int? statusCode, string message, IReadOnlyList<GitHubValidationError> errors, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ValidationErrors = errors;
    }

    public GitHubReportException()
    {
    }

    public GitHubReportException(string message)
        : base(message)
    {
    }

    /// <summary>What we were trying to do, e.g. "update comment 12 on o/r".</summary>
    public string Operation { get; } = "";

    /// <summary>GitHub's HTTP status, null when no answer came (network failure).</summary>
    public int? StatusCode { get; }

    public IReadOnlyList<GitHubValidationError> ValidationErrors { get; } = [];

    public bool HasValidationError(string code) =>
        ValidationErrors.Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    internal static GitHubReportException From(string operation, Exception error)
    {
        if (error is not ApiException api)
            return new GitHubReportException(operation, null, $"Could not reach GitHub to {operation}: {error.Message}", [], error);

        var status = (int)api.StatusCode;
        var errors = api.ApiError?.Errors?.Select(e => new GitHubValidationError(e.Resource, e.Code, e.Field, e.Message)).ToList() ?? [];
        var details = string.Join("; ", errors.Select(e => e.Message ?? $"{e.Resource}.{e.Field} {e.Code}"));
        var message = $"GitHub refused to {operation}: HTTP {status} {api.ApiError?.Message ?? api.Message}"
                      + (details.Length > 0 ? $" ({details})" : "")
                      + Hint(api.StatusCode);
        return new GitHubReportException(operation, status, message, errors, error);
    }

    private static string Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => ". Check the token given to the action.",
        // Pull requests from forks get a read-only token; the fork-safe report workflow posts instead.
        HttpStatusCode.Forbidden => ". The token lacks a permission this step needs (a pull request from a fork gets a read-only token).",
        HttpStatusCode.NotFound => ". The repository, pull request or release does not exist, or the token cannot see it.",
        _ => ".",
    };
}
