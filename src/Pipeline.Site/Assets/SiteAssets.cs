namespace Pipeline.Site.Assets;

/// <summary>The stylesheet and the search script, embedded in this assembly and written as they are.</summary>
internal static class SiteAssets
{
    public static byte[] Read(string fileName)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"Pipeline.Site.Assets.{fileName}")
            ?? throw new InvalidOperationException($"the site asset {fileName} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
