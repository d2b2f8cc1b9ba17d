using System.Text;
using Pipeline.Diagnostics;
using Pipeline.Packages.Model;
using Pipeline.Packages.Settings;
using Pipeline.Packages;

namespace Pipeline.Validation.Files;

/// <summary>UTF-8 and ASCII checks on raw file bytes.</summary>
public static class EncodingChecks
{
    /// <summary>Reports the first invalid UTF-8 byte; returns the text when the file is valid.</summary>
    public static string? DecodeUtf8(RevisionFile file, List<Diagnostic> diagnostics)
    {
        if (!file.Loaded) return null;
        var bytes = file.Content.Span;
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            var text = Encoding.UTF8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        var index = FirstInvalidUtf8(bytes);
        var position = PositionOf(bytes, index);
        diagnostics.Add(InvalidUtf8(file.RelativePath, position, $"byte 0x{bytes[index]:X2} at offset {index} is not valid UTF-8"));
        return null;
    }

    /// <summary>UNI100, here and for the bytes the JSON parser could not decode (<see cref="JsonFileReader"/>).</summary>
    public static Diagnostic InvalidUtf8(string file, SourcePosition position, string message) =>
        RuleCatalog.InvalidUtf8.At(file, position, message);

    /// <summary>Universe's tooling requires ASCII: one diagnostic per file at the first other character.</summary>
    public static void CheckAscii(RevisionFile file, RepositorySettings settings, List<Diagnostic> diagnostics)
    {
        if (!settings.Policies.AsciiOnly || !file.Loaded) return;
        var bytes = file.Content.Span;
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var index = bytes[start..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (index < 0) return;
        index += start;
        var count = 0;
        foreach (var rune in Encoding.UTF8.GetString(bytes[start..]).EnumerateRunes())
        {
            if (!rune.IsAscii) count++;
        }
        var first = Rune.DecodeFromUtf8(bytes[index..], out var rune1, out _) == System.Buffers.OperationStatus.Done ? rune1.ToString() : "?";
        diagnostics.Add(RuleCatalog.NonAscii.At(file.RelativePath, PositionOf(bytes, index),
            $"`{first}` (U+{(first == "?" ? 0xFFFD : rune1.Value):X4}) is not ASCII{(count > 1 ? $"; {count} non-ASCII characters in the file" : "")}"));
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        return bytes.Length - 1;
    }

    /// <summary>1-based line and column (in characters) of a byte offset.</summary>
    public static SourcePosition PositionOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = 1;
        for (var i = lineStart; i < offset; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return new SourcePosition(line, column);
    }
}
