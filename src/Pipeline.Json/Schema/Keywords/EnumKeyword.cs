using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>enum</c>: the value must equal one of a list (JSON equality).</summary>
internal sealed class EnumKeyword : Keyword
{
    // Past this many strings a set beats comparing one by one.
    private const int LinearStrings = 8;

    private readonly JsonDatum[] _values;

    // Most enums list strings; those are compared as strings.
    private readonly string[]? _strings;
    private readonly HashSet<string>? _stringSet;

    public EnumKeyword(JsonDatum at, SchemaPointers pointers, JsonDatum[] values)
        : base(at, pointers)
    {
        _values = values;
        var strings = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].String is not { } text) return;
            strings[i] = text;
        }
        _strings = strings;
        if (strings.Length > LinearStrings) _stringSet = new HashSet<string>(strings, StringComparer.Ordinal);
    }

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (Contains(instance) || context.Failing()) return;
        string[] rendered = [.. _values.Select(Wording.Value)];
        context.Report(Finding.At(this, "enum", instance, Wording.OneOf(instance, rendered), rendered));
    }

    private bool Contains(JsonDatum instance)
    {
        if (_strings is not null)
        {
            if (instance.String is not { } text) return false;
            if (_stringSet is not null) return _stringSet.Contains(text);
            foreach (var allowed in _strings)
            {
                if (string.Equals(allowed, text, StringComparison.Ordinal)) return true;
            }
            return false;
        }
        foreach (var allowed in _values)
        {
            if (JsonEquality.Equal(allowed, instance)) return true;
        }
        return false;
    }
}
