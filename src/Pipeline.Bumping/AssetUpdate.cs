namespace Pipeline.Bumping;

/// <summary>
/// An asset of resource.json the bump points somewhere new: its key (the JSON Pointer of the
/// URL in resource.json, e.g. <c>/assets/uris/jre-tar-gz</c>), the URL before and after, and the
/// sha256 and size of what was downloaded from it. <see cref="Sha256"/> is null for a URL that has
/// no sha256 beside it in resource.json (only CLI binaries carry one).
/// </summary>
public sealed record AssetUpdate(string Key, string PreviousUrl, string Url, string? Sha256, long Size);
