using System.Text.Json;

namespace Pipeline.Testing.Json;

/// <summary>
/// Deep comparison of two JSON values, stricter than equality of parsed values only in that
/// object members must also come in the same order (Universe's files have a definite field order).
/// Numbers compare by value, so 0.90 equals 0.9.
/// </summary>
public static class JsonComparison
{
    /// <summary>A description of the first difference (JSON path and both values), or null when equal.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            return Describe(path, expected, actual);
        }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return FirstObjectDifference(expected, actual, path);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                for (var i = 0; i < Math.Min(expectedLength, actualLength); i++)
                {
                    var difference = FirstDifference(expected[i], actual[i], $"{path}[{i}]");
                    if (difference is not null) return difference;
                }
                return expectedLength == actualLength ? null : $"{path}: expected {expectedLength} items, got {actualLength}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : Describe(path, expected, actual);
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : Describe(path, expected, actual);
            default:
                return expected.ValueKind == actual.ValueKind ? null : Describe(path, expected, actual);
        }
    }

    private static string? FirstObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        var expectedMembers = expected.EnumerateObject().ToList();
        var actualMembers = actual.EnumerateObject().ToList();
        for (var i = 0; i < Math.Max(expectedMembers.Count, actualMembers.Count); i++)
        {
            if (i >= expectedMembers.Count) return $"{path}: unexpected member \"{actualMembers[i].Name}\"";
            if (i >= actualMembers.Count) return $"{path}: missing member \"{expectedMembers[i].Name}\"";
            if (expectedMembers[i].Name != actualMembers[i].Name)
            {
                return $"{path}: member {i} is \"{actualMembers[i].Name}\", expected \"{expectedMembers[i].Name}\"";
            }
            var difference = FirstDifference(expectedMembers[i].Value, actualMembers[i].Value, $"{path}.{expectedMembers[i].Name}");
            if (difference is not null) return difference;
        }
        return null;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b)) return a == b;
        return expected.GetDouble().Equals(actual.GetDouble());
    }

    private static bool IsBoolean(JsonElement value) => value.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Describe(string path, JsonElement expected, JsonElement actual) =>
        $"{path}: expected {Shorten(expected.GetRawText())}, got {Shorten(actual.GetRawText())}";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
