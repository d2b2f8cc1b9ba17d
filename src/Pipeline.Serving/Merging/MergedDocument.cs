using Pipeline.Serving.Responses;

namespace Pipeline.Serving.Merging;

/// <summary>
/// A merged output kept until one of its inputs changes: inputs are compared by reference (the
/// upstream cache gives a new array only for a new 200 answer), so a hot endpoint merges, hashes and
/// compresses once per upstream change rather than once per request. Requests arriving while inputs
/// changed wait for one merge; a merge giving the same bytes keeps the version served (its ETag,
/// Last-Modified and encodings).
/// </summary>
internal sealed class MergedDocument(Func<IReadOnlyList<byte[]>, byte[]> merge, string mediaType, Representations representations)
{
    private readonly Lock _merging = new();
    private volatile Snapshot? _last;

    public ServedContent Get(IReadOnlyList<byte[]> inputs)
    {
        if (Known(inputs) is { } known) return known;
        lock (_merging)
        {
            if (Known(inputs) is { } merged) return merged;
            var output = representations.Of(merge(inputs), mediaType, _last?.Output);
            _last = new Snapshot([.. inputs], output);
            return output;
        }
    }

    private ServedContent? Known(IReadOnlyList<byte[]> inputs) =>
        _last is { } known && known.Inputs.Length == inputs.Count && Same(known.Inputs, inputs) ? known.Output : null;

    private sealed record Snapshot(byte[][] Inputs, ServedContent Output);

    private static bool Same(byte[][] a, IReadOnlyList<byte[]> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i])) return false;
        }
        return true;
    }
}
