using System.Runtime.CompilerServices;
using Pipeline.Build.Dcos;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// The configured upstreams as serve reads them: each address fetched through the cache as a
/// repository client asks for it (<see cref="RepositoryRequest"/>), its content read once per copy
/// (<see cref="UpstreamContent"/>), and what each contributes to the merged outputs, whatever its kind.
/// While no copy changes, every request gets the same views (and index inputs) as the one before:
/// what is worked out from them can be kept by reference instead of per request.
/// </summary>
internal sealed class ServedUpstreams
{
    private readonly ConditionalWeakTable<byte[], UpstreamContent> _contents = [];
    private readonly Lock _reading = new();
    private readonly IReadOnlyList<Upstream> _upstreams;
    private readonly UpstreamCache _cache;
    private readonly Action<string>? _notice;
    private readonly Func<byte[], string?>[] _checks;
    // An index upstream's repository file for each release, made once rather than per request.
    private readonly Dictionary<string, Uri>[] _repositoryFiles;
    private volatile Served? _served;

    public ServedUpstreams(IReadOnlyList<Upstream> upstreams, UpstreamCache cache, Action<string>? notice)
    {
        _upstreams = upstreams;
        _cache = cache;
        _notice = notice;
        _checks = [.. upstreams.Select(u => (Func<byte[], string?>)(body => Read(u, body).Rejected))];
        _repositoryFiles = [.. upstreams.Select(u => DcosRepositoryFormat.Releases.ToDictionary(r => r.Version, r => new Uri(u.Address, r.RepositoryFileName), StringComparer.Ordinal))];
    }

    /// <summary>An upstream with its copy, and the copy's content read (null while there is none).</summary>
    public sealed record View(Upstream Upstream, CachedCopy Copy, UpstreamContent? Content)
    {
        public UpstreamStatus Status => new(Upstream, Copy, Content?.Kind);
    }

    /// <summary>Views made of one set of copies, and what /index.json merges from them.</summary>
    private sealed record Served(View[] Views, byte[][] IndexInputs)
    {
        public Task<IReadOnlyList<View>> Answer { get; } = Task.FromResult<IReadOnlyList<View>>(Views);
    }

    /// <summary>
    /// Each upstream's copy now, waiting only for one never fetched (bounded by the fetch deadline):
    /// the same list as the last call when every copy is the same.
    /// </summary>
    public Task<IReadOnlyList<View>> GetAsync(CancellationToken cancellationToken)
    {
        // Read once: every copy is compared with the one set of views that may be answered.
        var served = _served;
        var fetches = new Task<CachedCopy>[_upstreams.Count];
        var same = served is not null;
        for (var i = 0; i < fetches.Length; i++)
        {
            fetches[i] = _cache.GetAsync(_upstreams[i].Address, _checks[i], cancellationToken, RepositoryRequest.Prepare);
            same = same && fetches[i].IsCompletedSuccessfully && ReferenceEquals(fetches[i].Result, served!.Views[i].Copy);
        }
        return same ? served!.Answer : ViewsOfAsync(fetches);
    }

    private async Task<IReadOnlyList<View>> ViewsOfAsync(Task<CachedCopy>[] fetches)
    {
        var copies = await Task.WhenAll(fetches).ConfigureAwait(false);
        var views = _upstreams.Zip(copies, ViewOf).ToArray();
        var served = new Served(views, [.. views.Select(v => v.Content?.Dcos?.Index ?? v.Copy.Content).OfType<byte[]>()]);
        _served = served;
        return served.Views;
    }

    /// <summary>Each upstream's copy held now, without fetching.</summary>
    public IReadOnlyList<View> Peek() =>
        _upstreams.Select(u => ViewOf(u, _cache.Peek(u.Address) ?? new CachedCopy(u.Address, null, null, UpstreamState.Down, "not fetched yet", null))).ToArray();

    public Task SettledAsync() => Task.WhenAll(_upstreams.Select(u => _cache.SettledAsync(u.Address)));

    /// <summary>What /index.json merges: an index upstream's index.json, a DC/OS upstream's converted one.</summary>
    public IReadOnlyList<byte[]> IndexInputs(IReadOnlyList<View> views) =>
        _served is { } served && ReferenceEquals(served.Views, views)
            ? served.IndexInputs
            : [.. views.Select(v => v.Content?.Dcos?.Index ?? v.Copy.Content).OfType<byte[]>()];

    /// <summary>What /repo merges for <paramref name="release"/>: the file beside an index upstream's index.json, a DC/OS upstream's converted one.</summary>
    /// <param name="views">As <see cref="GetAsync"/> or <see cref="Peek"/> gave them: one per upstream, in order.</param>
    public async Task<IReadOnlyList<byte[]>> RepositoryInputsAsync(IReadOnlyList<View> views, DcosRelease release, CancellationToken cancellationToken)
    {
        var inputs = new List<byte[]>(views.Count);
        for (var i = 0; i < views.Count; i++)
        {
            var view = views[i];
            if (view.Content?.Dcos is { } dcos) inputs.Add(dcos.Repository(release));
            else if (view.Content?.Kind == UpstreamKind.Index)
            {
                var address = _repositoryFiles[i][release.Version];
                var file = await _cache.GetAsync(address, UpstreamDocument.PackageList, cancellationToken).ConfigureAwait(false);
                if (file.Content is not null) inputs.Add(file.Content);
            }
        }
        return inputs;
    }

    /// <summary>The package file from the first upstream listing <paramref name="name"/>; null when none does.</summary>
    public async Task<(byte[]? Content, string? Problem)?> PackageAsync(IReadOnlyList<View> views, string name, CancellationToken cancellationToken)
    {
        foreach (var view in views)
        {
            if (view.Content is not { } content || !content.Names.Contains(name)) continue;
            if (content.Dcos is { } dcos) return (dcos.Package(name), null);
            var file = await _cache.GetAsync(new Uri(view.Upstream.Address, $"package/{Uri.EscapeDataString(name)}.json"), UpstreamDocument.AnyJson, cancellationToken).ConfigureAwait(false);
            return (file.Content, file.Content is null ? $"{view.Upstream.Name}: {file.Problem}" : null);
        }
        return null;
    }

    private View ViewOf(Upstream upstream, CachedCopy copy) => new(upstream, copy, copy.Content is null ? null : Read(upstream, copy.Content));

    private UpstreamContent Read(Upstream upstream, byte[] body)
    {
        if (_contents.TryGetValue(body, out var known)) return known;
        // One conversion per copy, however many requests arrive while it runs.
        lock (_reading)
        {
            if (_contents.TryGetValue(body, out known)) return known;
            var content = UpstreamContent.Read(body, upstream.Name);
            if (content.Dcos is { LeftOutCount: > 0 } dcos)
            {
                _notice?.Invoke($"upstream `{upstream.Name}`: {dcos.LeftOutCount} package(s) of {upstream.Address} left out: {string.Join("; ", dcos.LeftOut)}");
            }
            _contents.Add(body, content);
            return content;
        }
    }
}
