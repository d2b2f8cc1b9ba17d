using System.Collections;

namespace Pipeline.Build.Tests.Streaming;

/// <summary>
/// Content that can be measured once (as <see cref="Pipeline.Build.Output.BuiltFile"/> does when
/// made) and then fails to be read, like a disk that fails mid-way through a build.
/// </summary>
internal sealed class FailingSegments : IReadOnlyList<ReadOnlyMemory<byte>>
{
    private readonly ReadOnlyMemory<byte>[] _segments = ["{\"a\": 1}"u8.ToArray()];
    private int _reads;

    public int Count => _segments.Length;

    public ReadOnlyMemory<byte> this[int index] => Fail() ?? _segments[index];

    public IEnumerator<ReadOnlyMemory<byte>> GetEnumerator()
    {
        Fail();
        return ((IEnumerable<ReadOnlyMemory<byte>>)_segments).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ReadOnlyMemory<byte>? Fail() =>
        Interlocked.Increment(ref _reads) > 1 ? throw new IOException("simulated failure while writing") : null;
}
