using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// GitHub's page-number pagination: <c>per_page</c> (default 30, at most 100) and <c>page</c>,
/// with a <c>Link</c> header naming prev/next/last/first pages as absolute URLs.
/// </summary>
internal static class Pagination
{
    public static IReadOnlyList<T> Page<T>(HttpContext context, Uri baseUrl, IReadOnlyList<T> all)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(IntOr(query["per_page"], 30), 1, 100);
        var page = Math.Max(IntOr(query["page"], 1), 1);
        var last = Math.Max((all.Count + perPage - 1) / perPage, 1);

        var links = new List<string>();
        if (page > 1) links.Add(Link(context, baseUrl, perPage, page - 1, "prev"));
        if (page < last)
        {
            links.Add(Link(context, baseUrl, perPage, page + 1, "next"));
            links.Add(Link(context, baseUrl, perPage, last, "last"));
        }
        if (page > 1) links.Add(Link(context, baseUrl, perPage, 1, "first"));
        if (links.Count > 0) context.Response.Headers["Link"] = string.Join(", ", links);

        return all.Skip((page - 1) * perPage).Take(perPage).ToList();
    }

    private static string Link(HttpContext context, Uri baseUrl, int perPage, int page, string rel)
    {
        // Keep the caller's other query parameters, as GitHub does.
        var others = context.Request.Query
            .Where(q => q.Key is not ("per_page" or "page"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join("&", others.Append($"per_page={perPage}").Append($"page={page}"));
        return $"<{baseUrl.ToString().TrimEnd('/')}{context.Request.Path}?{query}>; rel=\"{rel}\"";
    }

    private static int IntOr(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
