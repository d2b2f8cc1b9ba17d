using System.Globalization;

namespace Pipeline.Serving.Responses;

/// <summary>
/// The <c>Cache-Control</c> of a served document. Content that includes upstream documents gets
/// <c>max-age</c> = the TTL: serve itself answers from upstream copies up to a TTL old, so that is
/// the freshness it can promise, and a cache downstream may keep the answer as long. Content made
/// only of the local tree gets <c>no-cache</c>: the tree can change any moment, so a cache must ask
/// each time, and the ask costs a 304 without a body. A serve downstream revalidates on its own TTL.
/// </summary>
internal static class Freshness
{
    public const string LocalOnly = "no-cache";

    /// <summary>For answers never to be stored: <c>/health</c>, errors.</summary>
    public const string Never = "no-store";

    public static string Upstream(TimeSpan ttl) =>
        "max-age=" + ((long)Math.Max(0, ttl.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
