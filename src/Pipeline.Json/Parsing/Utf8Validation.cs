using System.Buffers;
using System.Text.Unicode;

namespace Pipeline.Json.Parsing;

internal static class Utf8Validation
{
    /// <summary>Offset of the first byte that does not begin a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8)) return -1;
        Span<char> scratch = stackalloc char[2048];
        var offset = 0;
        while (offset < utf8.Length)
        {
            var status = Utf8.ToUtf16(utf8[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData) return offset + read;
            if (status == OperationStatus.Done) return -1;
            offset += read;
        }
        return -1;
    }
}
