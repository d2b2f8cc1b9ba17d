using Pipeline.Json.Dom;

namespace Pipeline.Json.Options;

/// <summary>
/// The keywords of one schema object that shape options, read in one pass over its members (the
/// last of a repeated name wins, as with the indexer).
/// </summary>
internal struct SchemaKeywords
{
    public JsonDatum? Properties;
    public JsonDatum? Required;
    public JsonDatum? Items;
    public JsonDatum? Type;
    public JsonDatum? AllOf;
    public JsonDatum? AnyOf;
    public JsonDatum? OneOf;
    public JsonDatum? Dependencies;
    public JsonDatum? Reference;
    public bool PatternProperties;
    public bool AdditionalPropertiesOpen;

    /// <summary>Whether a schema can declare or require members: <c>properties</c>, <c>required</c> or composition.</summary>
    public static bool MayHoldMembers(JsonDatum schema)
    {
        foreach (var member in schema.MemberArray)
        {
            if (member.MemberName is "properties" or "required" or "allOf" or "anyOf" or "oneOf" or "dependencies" or "$ref") return true;
        }
        return false;
    }

    public static SchemaKeywords Of(JsonDatum schema)
    {
        var keywords = default(SchemaKeywords);
        foreach (var member in schema.MemberArray)
        {
            switch (member.MemberName)
            {
                case "properties": keywords.Properties = member.Kind == JsonKind.Object ? member : null; break;
                case "required": keywords.Required = member; break;
                case "items": keywords.Items = member.Kind == JsonKind.Object ? member : null; break;
                case "type": keywords.Type = member; break;
                case "allOf": keywords.AllOf = member.Kind == JsonKind.Array ? member : null; break;
                case "anyOf": keywords.AnyOf = member.Kind == JsonKind.Array ? member : null; break;
                case "oneOf": keywords.OneOf = member.Kind == JsonKind.Array ? member : null; break;
                case "dependencies": keywords.Dependencies = member.Kind == JsonKind.Object ? member : null; break;
                case "$ref": keywords.Reference = member.Kind == JsonKind.String ? member : null; break;
                case "patternProperties": keywords.PatternProperties = true; break;
                case "additionalProperties":
                    keywords.AdditionalPropertiesOpen = member.Kind == JsonKind.Object || member is { Kind: JsonKind.Boolean, Boolean: true };
                    break;
            }
        }
        return keywords;
    }
}
