namespace Pipeline.Json;

/// <summary><c>allOf</c>: every branch applies, and reports, in place.</summary>
internal sealed class AllOfKeyword(JsonValue at, SchemaPointers pointers, SchemaNode[] branches) : Keyword(at, pointers)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        foreach (var branch in branches)
        {
            branch.Validate(instance, context);
            if (context.Failed) return;
        }
    }
}
