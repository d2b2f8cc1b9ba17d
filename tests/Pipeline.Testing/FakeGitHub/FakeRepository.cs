namespace Pipeline.Testing.FakeGitHub;

/// <summary>
/// One repository's in-memory state. Public members seed and inspect it from tests; the
/// endpoints use the internal ones. Every member takes the repository's lock, so tests may
/// read while requests are in flight.
/// </summary>
public sealed partial class FakeRepository
{
    private readonly Lock _gate = new();
    private readonly Func<long> _nextId;

    internal FakeRepository(string owner, string name, Func<long> nextId)
    {
        Owner = owner;
        Name = name;
        _nextId = nextId;
    }

    public string Owner { get; }
    public string Name { get; }

    // Tests create many items in one go; a strictly increasing clock keeps "newest" unambiguous.
    private DateTimeOffset _lastTime = DateTimeOffset.UtcNow;

    private DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        _lastTime = now > _lastTime ? now : _lastTime.AddMilliseconds(1);
        return _lastTime;
    }
}
