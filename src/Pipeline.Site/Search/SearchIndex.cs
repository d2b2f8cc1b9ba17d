using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Site.Model;
using Pipeline.Site.Pages;

namespace Pipeline.Site.Search;

/// <summary>
/// search-index.json: what search.js matches against, one small entry per package in name order:
/// <c>{"n": name, "v": latest version, "t": [tags], "d": description (shortened)}</c>.
/// </summary>
internal static class SearchIndex
{
    public const int DescriptionLength = 240;

    public static byte[] Write(IReadOnlyList<SitePackage> packages)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            json.WriteStartArray();
            foreach (var package in packages)
            {
                var latest = package.Latest;
                json.WriteStartObject();
                json.WriteString("n", package.Name);
                json.WriteString("v", latest.Version);
                json.WriteStartArray("t");
                foreach (var tag in latest.Tags) json.WriteStringValue(tag);
                json.WriteEndArray();
                json.WriteString("d", PageLayout.Shorten(latest.Description, DescriptionLength));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
