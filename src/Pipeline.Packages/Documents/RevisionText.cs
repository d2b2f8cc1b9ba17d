using System.Text;

namespace Pipeline.Packages.Documents;

/// <summary>A revision's text files (README.md, descriptors) as strings.</summary>
public static class RevisionText
{
    /// <summary>The bytes as UTF-8 text, without a byte order mark.</summary>
    public static string Of(ReadOnlyMemory<byte> content)
    {
        var span = content.Span;
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
