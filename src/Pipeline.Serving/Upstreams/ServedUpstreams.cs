using System.Runtime.CompilerServices;
using Pipeline.Build.Dcos;

namespace Pipeline.Serving.Upstreams;

/// <summary>
/// The configured upstreams as serve reads them: each address fetched through the cache as a
/// repository client asks for it (<see cref="RepositoryRequest"/>), its content read once per copy
/// (<see cref="UpstreamContent"/>), and what each contributes to the merged outputs, whatever its kind.
/// </summary>
internal sealed class ServedUpstreams(IReadOnlyList<Upstream> upstreams, UpstreamCache cache, Action<string>? notice)
{
    private readonly ConditionalWeakTable<byte[], UpstreamContent> _contents = [];
    private readonly Lock _reading = new();

    /// <summary>An upstream with its copy, and the copy's content read (null while there is none).</summary>
    public sealed record View(Upstream Upstream, CachedCopy Copy, UpstreamContent? Content)
    {
        public UpstreamStatus Status => new(Upstream, Copy, Content?.Kind);
    }

    /// <summary>Each upstream's copy now, waiting only for one never fetched (bounded by the fetch deadline).</summary>
    public async Task<IReadOnlyList<View>> GetAsync(CancellationToken cancellationToken)
    {
        var copies = await Task.WhenAll(upstreams.Select(u => Fetch(u, cancellationToken))).ConfigureAwait(false);
        return upstreams.Zip(copies, ViewOf).ToArray();
    }

    /// <summary>Each upstream's copy held now, without fetching.</summary>
    public IReadOnlyList<View> Peek() =>
        upstreams.Select(u => ViewOf(u, cache.Peek(u.Address) ?? new CachedCopy(u.Address, null, null, UpstreamState.Down, "not fetched yet", null))).ToArray();

    public Task SettledAsync() => Task.WhenAll(upstreams.Select(u => cache.SettledAsync(u.Address)));

    /// <summary>What /index.json merges: an index upstream's index.json, a DC/OS upstream's converted one.</summary>
    public static IReadOnlyList<byte[]> IndexInputs(IReadOnlyList<View> views) =>
        views.Select(v => v.Content?.Dcos?.Index ?? v.Copy.Content).OfType<byte[]>().ToArray();

    /// <summary>What /repo merges for <paramref name="release"/>: the file beside an index upstream's index.json, a DC/OS upstream's converted one.</summary>
    public async Task<IReadOnlyList<byte[]>> RepositoryInputsAsync(IReadOnlyList<View> views, DcosRelease release, CancellationToken cancellationToken)
    {
        var inputs = new List<byte[]>();
        foreach (var view in views)
        {
            if (view.Content?.Dcos is { } dcos) inputs.Add(dcos.Repository(release));
            else if (view.Content?.Kind == UpstreamKind.Index)
            {
                var file = await cache.GetAsync(new Uri(view.Upstream.Address, release.RepositoryFileName), UpstreamDocument.PackageList, cancellationToken).ConfigureAwait(false);
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
            var file = await cache.GetAsync(new Uri(view.Upstream.Address, $"package/{Uri.EscapeDataString(name)}.json"), UpstreamDocument.AnyJson, cancellationToken).ConfigureAwait(false);
            return (file.Content, file.Content is null ? $"{view.Upstream.Name}: {file.Problem}" : null);
        }
        return null;
    }

    private Task<CachedCopy> Fetch(Upstream upstream, CancellationToken cancellationToken) =>
        cache.GetAsync(upstream.Address, body => Read(upstream, body).Rejected, cancellationToken, RepositoryRequest.Prepare);

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
                notice?.Invoke($"upstream `{upstream.Name}`: {dcos.LeftOutCount} package(s) of {upstream.Address} left out: {string.Join("; ", dcos.LeftOut)}");
            }
            _contents.Add(body, content);
            return content;
        }
    }
}
