using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Pipeline.Json.Text;

namespace Pipeline.Build.Json;

/// <summary>
/// A forward-only JSON writer over a <see cref="JsonOutputBuffer"/>. Values copied from input
/// documents are written in canonical form: numbers exactly as their input text, strings re-escaped
/// as ASCII (<see cref="JsonStringEscaper"/>), repeated object names resolved as Python resolves them
/// (<see cref="ObjectMembers"/>). Separators follow the <see cref="JsonLayout"/>.
/// </summary>
internal sealed class CanonicalJsonWriter
{
    private readonly JsonOutputBuffer _output;
    private readonly byte[] _itemSeparator;
    private readonly byte[] _nameSeparator;
    private bool _needsSeparator;

    public CanonicalJsonWriter(JsonOutputBuffer output, JsonLayout layout)
    {
        _output = output;
        _itemSeparator = layout == JsonLayout.Python ? ", "u8.ToArray() : ","u8.ToArray();
        _nameSeparator = layout == JsonLayout.Python ? ": "u8.ToArray() : ":"u8.ToArray();
    }

    public JsonOutputBuffer Output => _output;

    /// <summary>Forgets any open value, for starting a new fragment in the same buffer.</summary>
    public void Reset() => _needsSeparator = false;

    public void StartObject() => Open((byte)'{');
    public void EndObject() => Close((byte)'}');
    public void StartArray() => Open((byte)'[');
    public void EndArray() => Close((byte)']');

    /// <summary>A name known to need no escaping, such as <c>"releaseVersion"u8</c>.</summary>
    public void PropertyName(ReadOnlySpan<byte> asciiName)
    {
        BeforeValue();
        _output.Write((byte)'"');
        _output.Write(asciiName);
        _output.Write((byte)'"');
        NameWritten();
    }

    public void PropertyName(string name)
    {
        BeforeValue();
        JsonStringEscaper.WriteQuoted(_output, name);
        NameWritten();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PropertyName(JsonProperty property)
    {
        BeforeValue();
        WriteRawString(JsonMarshal.GetRawUtf8PropertyName(property));
        NameWritten();
    }

    /// <summary>A member with a name known to need no escaping and a string (or null) value.</summary>
    public void Member(ReadOnlySpan<byte> asciiName, string? value)
    {
        PropertyName(asciiName);
        String(value);
    }

    public void Member(ReadOnlySpan<byte> asciiName, long value)
    {
        PropertyName(asciiName);
        Number(value);
    }

    public void Member(ReadOnlySpan<byte> asciiName, bool value)
    {
        PropertyName(asciiName);
        Boolean(value);
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        BeforeValue();
        JsonStringEscaper.WriteQuoted(_output, value);
        _needsSeparator = true;
    }

    /// <summary>Text given as UTF-8 bytes (a template, a README).</summary>
    public void StringUtf8(ReadOnlySpan<byte> utf8)
    {
        BeforeValue();
        JsonStringEscaper.WriteQuotedUtf8(_output, utf8);
        _needsSeparator = true;
    }

    /// <summary>Binary content as a standard base64 string with padding.</summary>
    public void Base64String(ReadOnlySpan<byte> bytes)
    {
        BeforeValue();
        _output.Write((byte)'"');
        var span = _output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
        Base64.EncodeToUtf8(bytes, span, out _, out var written);
        _output.Advance(written);
        _output.Write((byte)'"');
        _needsSeparator = true;
    }

    public void Number(long value)
    {
        BeforeValue();
        Utf8Formatter.TryFormat(value, _output.GetSpan(20), out var written);
        _output.Advance(written);
        _needsSeparator = true;
    }

    public void Boolean(bool value)
    {
        BeforeValue();
        _output.Write(value ? "true"u8 : "false"u8);
        _needsSeparator = true;
    }

    public void Null()
    {
        BeforeValue();
        _output.Write("null"u8);
        _needsSeparator = true;
    }

    /// <summary>A complete JSON value written earlier, copied as it is.</summary>
    public void Fragment(ReadOnlySpan<byte> json)
    {
        BeforeValue();
        _output.Write(json);
        _needsSeparator = true;
    }

    /// <summary>Copies a value from an input document in canonical form.</summary>
    /// <param name="mayRepeatNames">Whether the document has repeated object names anywhere.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Element(JsonElement element, bool mayRepeatNames)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                StartObject();
                foreach (var member in ObjectMembers.Of(element, mayRepeatNames))
                {
                    PropertyName(member.Property);
                    Element(member.Value, mayRepeatNames);
                }
                EndObject();
                break;
            case JsonValueKind.Array:
                StartArray();
                foreach (var item in element.EnumerateArray()) Element(item, mayRepeatNames);
                EndArray();
                break;
            case JsonValueKind.String:
                StringElement(element);
                break;
            default:
                // Numbers keep their input text; true, false and null are their own text.
                Fragment(JsonMarshal.GetRawUtf8Value(element));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void StringElement(JsonElement element)
    {
        BeforeValue();
        WriteRawString(JsonElementText.RawString(element));
        _needsSeparator = true;
    }

    /// <summary>A string or name from an input document, given by its JSON text between quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRawString(ReadOnlySpan<byte> raw)
    {
        if (JsonStringEscaper.IsVerbatim(raw))
        {
            _output.Write((byte)'"');
            _output.Write(raw);
            _output.Write((byte)'"');
        }
        else if (raw.IndexOf((byte)'\\') < 0)
        {
            // Only non-ASCII characters, no escapes to decode: transcode the bytes directly.
            JsonStringEscaper.WriteQuotedUtf8(_output, raw);
        }
        else
        {
            JsonStringEscaper.WriteQuoted(_output, JsonEscapes.Unescape(raw));
        }
    }

    private void Open(byte token)
    {
        BeforeValue();
        _output.Write(token);
        _needsSeparator = false;
    }

    private void Close(byte token)
    {
        _output.Write(token);
        _needsSeparator = true;
    }

    private void BeforeValue()
    {
        if (_needsSeparator) _output.Write(_itemSeparator);
    }

    private void NameWritten()
    {
        _output.Write(_nameSeparator);
        _needsSeparator = false;
    }
}
