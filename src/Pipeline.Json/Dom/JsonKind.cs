namespace Pipeline.Json.Dom;

/// <summary>The six kinds of JSON value.</summary>
public enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}
