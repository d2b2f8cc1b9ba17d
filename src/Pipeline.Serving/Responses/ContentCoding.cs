namespace Pipeline.Serving.Responses;

/// <summary>The content codings serve offers, in its order of preference at equal quality (smallest first).</summary>
internal enum ContentCoding
{
    Brotli,
    Gzip,
    Identity,
}

internal static class ContentCodings
{
    /// <summary>Every coding, most preferred first.</summary>
    public static readonly ContentCoding[] All = [ContentCoding.Brotli, ContentCoding.Gzip, ContentCoding.Identity];

    /// <summary>The token of <c>Content-Encoding</c> and <c>Accept-Encoding</c>.</summary>
    public static string Token(this ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => "identity",
    };
}
