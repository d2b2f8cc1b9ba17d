namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// Faults (or callbacks) queued per method and route pattern; each one is used up by one request.
/// A callback runs before the endpoint, so a test can change state mid-exchange (races).
/// </summary>
internal sealed class FaultQueue
{
    private readonly Lock _gate = new();
    private readonly List<(string Method, string[] Pattern, object Fault)> _queued = [];

    public void Enqueue(string method, string pathPattern, object fault, int times)
    {
        var pattern = Split(pathPattern);
        lock (_gate)
        {
            for (var i = 0; i < times; i++) _queued.Add((method, pattern, fault));
        }
    }

    public object? TakeFor(string method, string path)
    {
        var segments = Split(path);
        lock (_gate)
        {
            var index = _queued.FindIndex(q =>
                (q.Method == "*" || string.Equals(q.Method, method, StringComparison.OrdinalIgnoreCase)) && Matches(q.Pattern, segments));
            if (index < 0) return null;
            var fault = _queued[index].Fault;
            _queued.RemoveAt(index);
            return fault;
        }
    }

    public int Pending
    {
        get { lock (_gate) return _queued.Count; }
    }

    // '*' or '{name}' matches any one segment; '**' as the last segment matches the rest.
    private static bool Matches(string[] pattern, string[] segments)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**") return true;
            if (i >= segments.Length) return false;
            var wildcard = pattern[i] == "*" || (pattern[i].StartsWith('{') && pattern[i].EndsWith('}'));
            if (!wildcard && !string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return pattern.Length == segments.Length;
    }

    private static string[] Split(string path) => path.Split('?')[0].Trim('/').Split('/');
}
