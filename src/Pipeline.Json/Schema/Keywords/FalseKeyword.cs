namespace Pipeline.Json;

/// <summary>The schema <c>false</c> (draft 6): nothing is allowed here.</summary>
internal sealed class FalseKeyword(JsonValue at, SchemaPointers pointers) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (!context.Failing()) context.Report(Finding.At(this, "false", instance, $"{Wording.Name(instance)} is not allowed"));
    }
}
