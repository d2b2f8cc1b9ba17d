using System.Globalization;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Parsing;

/// <summary>Reports every repeated name in one object, pointing at the repeat and naming the first.</summary>
internal static class DuplicateKeys
{
    private const int LinearScanLimit = 16;

    [ThreadStatic]
    private static Dictionary<string, int>? t_seen;

    public static void Check(JsonSource source, Row[] rows, int objectRow, int count, List<JsonProblem> problems)
    {
        var bytes = source.Bytes;
        Span<int> small = stackalloc int[LinearScanLimit];
        var names = count <= LinearScanLimit ? small[..count] : new int[count];
        for (int i = 0, at = objectRow + 1; i < count; i++, at += 1 + rows[at + 1].Extent(bytes)) names[i] = at;

        if (count <= LinearScanLimit)
        {
            for (var i = 1; i < count; i++)
            {
                var repeat = rows[names[i]];
                for (var j = 0; j < i; j++)
                {
                    var first = rows[names[j]];
                    if (repeat.Length == first.Length && bytes.Slice(repeat.Offset + 1, repeat.Length).SequenceEqual(bytes.Slice(first.Offset + 1, first.Length))
                        || (HasEscapes(bytes, repeat, first) && Text(source, repeat) == Text(source, first)))
                    {
                        problems.Add(Duplicate(source, repeat, first));
                        source.NoteDuplicateNames(objectRow);
                        break;
                    }
                }
            }
            return;
        }

        var seen = t_seen ??= new Dictionary<string, int>(StringComparer.Ordinal);
        seen.Clear();
        foreach (var name in names)
        {
            var text = Text(source, rows[name]);
            if (seen.TryAdd(text, name)) continue;
            problems.Add(Duplicate(source, rows[name], rows[seen[text]]));
            source.NoteDuplicateNames(objectRow);
        }
        seen.Clear();
    }

    private static bool HasEscapes(ReadOnlySpan<byte> bytes, Row a, Row b) =>
        bytes.Slice(a.Offset + 1, a.Length).Contains((byte)'\\') || bytes.Slice(b.Offset + 1, b.Length).Contains((byte)'\\');

    private static string Text(JsonSource source, Row name) => source.Name(name, PropertyNameCache.Current);

    private static JsonProblem Duplicate(JsonSource source, Row repeat, Row first) =>
        new(
            JsonProblemKind.DuplicateKey,
            source.PositionOf(repeat.Offset),
            string.Create(CultureInfo.InvariantCulture, $"duplicate key `{Text(source, repeat)}` (first at line {source.PositionOf(first.Offset).Line})"));
}
