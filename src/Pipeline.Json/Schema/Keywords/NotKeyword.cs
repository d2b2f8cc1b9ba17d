namespace Pipeline.Json;

/// <summary><c>not</c>: the value must fail the subschema.</summary>
internal sealed class NotKeyword(JsonValue at, SchemaPointers pointers, SchemaNode forbidden) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (!context.Matches(forbidden, instance) || context.Failing()) return;
        context.Report(Finding.At(this, "not", instance, $"{Wording.Name(instance)} must not match the schema at {SchemaPointer}"));
    }
}
