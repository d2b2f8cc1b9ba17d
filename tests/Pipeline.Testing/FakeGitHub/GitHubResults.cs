using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>GitHub's response conventions: JSON bodies, error bodies and status codes.</summary>
internal static class GitHubResults
{
    public const string DocsRoot = "https://docs.github.com/rest";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    public static IResult Ok(object body) => Results.Json(body, Json, "application/json; charset=utf-8", 200);

    public static IResult Created(object body) => Results.Json(body, Json, "application/json; charset=utf-8", 201);

    public static IResult NoContent() => Results.StatusCode(204);

    public static IResult NotFound() => Error(404, "Not Found", []);

    public static IResult Unauthorized() => Error(401, "Bad credentials", []);

    public static IResult ValidationFailed(params FakeValidationError[] errors) => Error(422, "Validation Failed", errors);

    public static IResult Error(int status, string message, IReadOnlyList<FakeValidationError> errors) =>
        Results.Json(ErrorBody(message, errors), Json, "application/json; charset=utf-8", status);

    public static object ErrorBody(string message, IReadOnlyList<FakeValidationError> errors) => errors.Count == 0
        ? new { message, documentation_url = DocsRoot }
        : new
        {
            message,
            errors = errors.Select(e => new { resource = e.Resource, code = e.Code, field = e.Field, message = e.Message }).ToArray(),
            documentation_url = DocsRoot,
        };

    public static Task WriteFault(HttpContext context, FakeFault fault)
    {
        context.Response.StatusCode = fault.Status;
        foreach (var (name, value) in fault.Headers) context.Response.Headers[name] = value;
        return context.Response.WriteAsJsonAsync(ErrorBody(fault.Message, fault.Errors), Json);
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
