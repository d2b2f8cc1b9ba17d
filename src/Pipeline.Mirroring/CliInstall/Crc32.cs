namespace Pipeline.Mirroring.CliInstall;

/// <summary>The CRC-32 (IEEE 802.3) a zip entry records of its content, to tell a truncated extraction.</summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private uint _state = 0xFFFFFFFFu;

    public uint Value => _state ^ 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data)
    {
        var c = _state;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        _state = c;
    }
}
