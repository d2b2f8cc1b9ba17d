using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Pipeline.Diagnostics;
using Pipeline.Json.Dom;

namespace Pipeline.Json.Parsing;

/// <summary>
/// Reads the bytes once into token rows, without recursion: open containers are a stack of row
/// numbers whose sizes are filled in when they close.
/// </summary>
internal sealed class DocumentBuilder
{
    // Rows are built in a buffer kept per thread (unless it grew huge) and copied out at the right size.
    private const int KeptBufferRows = 1 << 20;

    [ThreadStatic]
    private static Row[]? t_buffer;

    private readonly JsonSource _source;
    private readonly int _maxDepth;
    private readonly List<JsonProblem> _problems;
    private Row[] _rows;
    private int _count;
    private int[] _openRows = new int[16];
    private int[] _openChildren = new int[16];
    private int _depth;

    private DocumentBuilder(JsonSource source, int maxDepth, List<JsonProblem> problems)
    {
        _source = source;
        _maxDepth = maxDepth;
        _problems = problems;
        _rows = t_buffer ?? new Row[1024];
        t_buffer = null;
    }

    public static JsonParseResult Build(ReadOnlyMemory<byte> memory, JsonParseOptions options)
    {
        var problems = new List<JsonProblem>();
        var bytes = memory.Span;
        var start = 0;
        if (bytes.StartsWith("\uFEFF"u8))
        {
            start = 3;
            problems.Add(new JsonProblem(
                JsonProblemKind.ByteOrderMark,
                new SourcePosition(1, 1),
                "the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM"));
        }

        var source = new JsonSource(memory, start);
        var invalid = Utf8Validation.FirstInvalidByte(bytes);
        if (invalid >= 0)
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"the file is not valid UTF-8: byte 0x{bytes[invalid]:X2} does not begin a valid character");
            problems.Add(new JsonProblem(JsonProblemKind.InvalidUtf8, source.PositionOf(invalid), message));
            return new JsonParseResult(null, problems);
        }

        var builder = new DocumentBuilder(source, Math.Max(1, options.MaxDepth), problems);
        var complete = builder.Run();
        var rows = complete ? DocumentMemory.Copy<Row>(builder._rows.AsSpan(0, builder._count)) : null;
        if (builder._rows.Length <= KeptBufferRows) t_buffer = builder._rows;
        return new JsonParseResult(rows is null ? null : source.Root(rows), problems);
    }

    // The loop runs once per token of every file: optimized from the first call, since a command-line
    // run parses each file once and would otherwise spend much of it in unoptimized code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Run()
    {
        var start = _source.Start;
        var reader = new Utf8JsonReader(_source.Bytes[start..], new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            // One more than ours, so that our own check (with a better message) fires first.
            MaxDepth = Math.Min(_maxDepth, int.MaxValue - 1) + 1,
        });

        try
        {
            while (reader.Read())
            {
                var offset = start + (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        Add(offset, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        Close();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (_depth >= _maxDepth)
                        {
                            _problems.Add(TooDeep(offset));
                            return false;
                        }
                        Open(offset);
                        break;
                    default:
                        if (_depth > 0) _openChildren[_depth - 1]++;
                        Add(offset, reader.ValueSpan.Length);
                        break;
                }
            }
        }
        catch (JsonException error)
        {
            var innermost = _depth > 0 ? _rows[_openRows[_depth - 1]].Offset : -1;
            _problems.Add(SyntaxErrors.Describe(error, _source, innermost, start + (int)reader.BytesConsumed));
            return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int offset, int length)
    {
        if (_count == _rows.Length) Array.Resize(ref _rows, _rows.Length * 2);
        ref var row = ref _rows[_count++];
        row.Offset = offset;
        row.Length = length;
    }

    private void Open(int offset)
    {
        if (_depth > 0) _openChildren[_depth - 1]++;
        if (_depth == _openRows.Length)
        {
            Array.Resize(ref _openRows, _depth * 2);
            Array.Resize(ref _openChildren, _depth * 2);
        }
        _openRows[_depth] = _count;
        _openChildren[_depth] = 0;
        _depth++;
        Add(offset, 0);
    }

    private void Close()
    {
        _depth--;
        var at = _openRows[_depth];
        _rows[at].Length = _count - at;
        var children = _openChildren[_depth];
        if (children > 1 && _source.Bytes[_rows[at].Offset] == (byte)'{') DuplicateKeys.Check(_source, _rows, at, children, _problems);
    }

    private JsonProblem TooDeep(int offset) =>
        new(
            JsonProblemKind.TooDeep,
            _source.PositionOf(offset),
            string.Create(CultureInfo.InvariantCulture, $"objects and arrays are nested more than {_maxDepth} levels deep here; the file was not parsed further"));
}
