using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>anyOf</c>: stops at the first matching branch; when none matches, explains the likeliest one.</summary>
internal sealed class AnyOfKeyword(JsonDatum at, SchemaPointers pointers, SchemaNode[] branches) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        foreach (var branch in branches)
        {
            if (context.Matches(branch, instance)) return;
        }
        if (context.Failing()) return;

        var failures = new List<Finding>[branches.Length];
        for (var i = 0; i < branches.Length; i++) failures[i] = context.Capture(branches[i], instance);
        context.ReportAll(BranchChoice.Explain(this, instance, failures));
    }
}
