using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary>
/// <c>oneOf</c>: exactly one branch must match. None: the likeliest branch is explained. Several: one
/// error naming them.
/// </summary>
internal sealed class OneOfKeyword(JsonDatum at, SchemaPointers pointers, SchemaNode[] branches) : Keyword(at, pointers)
{
    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        var first = -1;
        List<int>? several = null; // only made once a second branch matches
        for (var i = 0; i < branches.Length; i++)
        {
            if (!context.Matches(branches[i], instance)) continue;
            if (first < 0) first = i;
            else (several ??= [first]).Add(i);
        }
        if ((first >= 0 && several is null) || context.Failing()) return;

        if (several is null)
        {
            var failures = new List<Finding>[branches.Length];
            for (var i = 0; i < branches.Length; i++) failures[i] = context.Capture(branches[i], instance);
            context.ReportAll(BranchChoice.Explain(this, instance, failures));
            return;
        }
        var message = $"{Wording.Name(instance)} matches more than one of the allowed shapes ({Wording.All([.. several.Select(i => $"#{i}")])}); it must match exactly one";
        context.Report(Finding.At(this, "oneOf", instance, message));
    }
}
