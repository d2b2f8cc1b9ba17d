using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Pipeline.Serving.Responses;

/// <summary>
/// A representation serve answers with: one content version's bytes labelled with a media type,
/// its encodings (made once, see <see cref="ContentBodies"/>), a strong ETag per encoding and the
/// time this version was first served (its Last-Modified, in whole seconds as HTTP dates are).
/// <para>
/// The ETag is the SHA-256 of the media type and the bytes' SHA-256, so <c>/repo</c> answers
/// differ between releases and between labels of one file. A gzip or Brotli body gets its own tag
/// (<c>-gzip</c>, <c>-br</c>): RFC 9110 §8.8.3 makes a strong tag promise these exact bytes, and a
/// cache holding several encodings learns from the 304's tag which one it may reuse (RFC 9111 §4.3.4).
/// </para>
/// </summary>
internal sealed class ServedContent
{
    private readonly string[] _etags;
    private readonly ConcurrentDictionary<string, ServedContent> _labels;

    public ServedContent(ContentBodies bodies, string mediaType, DateTimeOffset firstServed)
        : this(bodies, mediaType, firstServed, new(StringComparer.Ordinal))
    {
    }

    private ServedContent(ContentBodies bodies, string mediaType, DateTimeOffset firstServed, ConcurrentDictionary<string, ServedContent> labels)
    {
        Bodies = bodies;
        MediaType = mediaType;
        LastModified = new DateTimeOffset(firstServed.UtcTicks - firstServed.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        LastModifiedField = HeaderUtilities.FormatDate(LastModified);
        _labels = labels;
        var label = Encoding.UTF8.GetBytes(mediaType + "\0");
        var tag = Convert.ToHexStringLower(SHA256.HashData([.. label, .. bodies.Hash]), 0, 16);
        _etags = [.. ContentCodings.All.Select(c => c == ContentCoding.Identity ? $"\"{tag}\"" : $"\"{tag}-{c.Token()}\"")];
    }

    public ContentBodies Bodies { get; }

    public string MediaType { get; }

    public DateTimeOffset LastModified { get; }

    /// <summary><see cref="LastModified"/> as the header field says it, made once rather than per response.</summary>
    public string LastModifiedField { get; }

    public byte[] Bytes => Bodies.Identity;

    public string ETag(ContentCoding coding) => _etags[(int)coding];

    /// <summary>The same version labelled <paramref name="mediaType"/>: the bodies and their encodings are shared.</summary>
    public ServedContent As(string mediaType) => mediaType == MediaType
        ? this
        : _labels.GetOrAdd(mediaType, m => new ServedContent(Bodies, m, LastModified, _labels));

    /// <summary>Whether <paramref name="bodies"/> under <paramref name="mediaType"/> is this same version.</summary>
    public bool SameAs(ContentBodies bodies, string mediaType) => mediaType == MediaType && bodies.Hash.AsSpan().SequenceEqual(Bodies.Hash);
}
