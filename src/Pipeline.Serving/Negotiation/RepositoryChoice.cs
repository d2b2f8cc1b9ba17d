using Pipeline.Build.Dcos;

namespace Pipeline.Serving.Negotiation;

/// <summary>
/// What <c>/repo</c> answers: the release's <c>repo-up-to-&lt;release&gt;.json</c> labelled with
/// <see cref="ContentType"/>, or, when nothing acceptable can be served, null and the
/// <see cref="Problem"/> (406).
/// </summary>
public sealed record RepositoryChoice(DcosRelease? Release, string? RepositoryVersion, string? Problem)
{
    public string? ContentType => RepositoryVersion is null ? null : DcosRepositoryFormat.ContentType(RepositoryVersion);
}
