namespace Pipeline.Testing.FakeGitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeRelease> _releases = [];
    private readonly List<FakeReleaseAsset> _assets = [];

    public FakeRelease AddRelease(string tagName, bool draft = false, string? name = null, string? body = null, bool prerelease = false)
    {
        lock (_gate)
        {
            var now = Now();
            var release = new FakeRelease(_nextId(), tagName, name ?? tagName, body, draft, prerelease, "main", now, draft ? null : now);
            _releases.Add(release);
            return release;
        }
    }

    public FakeReleaseAsset AddAsset(long releaseId, string name, string contentType, byte[] content, string? label = null)
    {
        lock (_gate)
        {
            var asset = new FakeReleaseAsset(checked((int)_nextId()), releaseId, name, label, contentType, content, Now());
            _assets.Add(asset);
            return asset;
        }
    }

    /// <summary>All releases, newest first, as GitHub lists them.</summary>
    public IReadOnlyList<FakeRelease> Releases()
    {
        lock (_gate) return _releases.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList();
    }

    public IReadOnlyList<FakeReleaseAsset> Assets(long releaseId)
    {
        lock (_gate) return _assets.Where(a => a.ReleaseId == releaseId).OrderBy(a => a.Id).ToList();
    }

    internal FakeRelease? Release(long id)
    {
        lock (_gate) return _releases.Find(r => r.Id == id);
    }

    internal FakeRelease? UpdateRelease(long id, Func<FakeRelease, FakeRelease> change)
    {
        lock (_gate)
        {
            var index = _releases.FindIndex(r => r.Id == id);
            if (index < 0) return null;
            var before = _releases[index];
            var after = change(before);
            if (before.Draft && !after.Draft) after = after with { PublishedAt = Now() };
            _releases[index] = after;
            return after;
        }
    }

    internal FakeReleaseAsset? Asset(int id)
    {
        lock (_gate) return _assets.Find(a => a.Id == id);
    }

    internal bool DeleteAsset(int id)
    {
        lock (_gate) return _assets.RemoveAll(a => a.Id == id) > 0;
    }

    /// <summary>Stores an upload unless the release already has an asset of that name (GitHub's 422 already_exists).</summary>
    internal FakeReleaseAsset? TryUpload(long releaseId, string name, string? label, string contentType, byte[] content)
    {
        lock (_gate)
        {
            if (_assets.Exists(a => a.ReleaseId == releaseId && a.Name == name)) return null;
            var asset = new FakeReleaseAsset(checked((int)_nextId()), releaseId, name, label, contentType, content, Now());
            _assets.Add(asset);
            return asset;
        }
    }
}
