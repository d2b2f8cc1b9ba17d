using System.Text;

namespace Pipeline.Testing.FakeGitHub;

/// <summary>One request the fake received, as tests assert on it.</summary>
/// <param name="Query">The raw query string without the leading '?', "" when none.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string? ContentType, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public override string ToString() => Query.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{Query}";
}
