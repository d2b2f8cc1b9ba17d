namespace Pipeline.Json;

/// <summary>
/// <c>oneOf</c>: exactly one branch must match. None: the likeliest branch is explained. Several: one
/// error naming them.
/// </summary>
internal sealed class OneOfKeyword(string schemaPointer, SchemaNode[] branches) : Keyword(schemaPointer)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        var matches = new List<int>(2);
        for (var i = 0; i < branches.Length; i++)
        {
            if (context.Matches(branches[i], instance)) matches.Add(i);
        }
        if (matches.Count == 1 || context.Failing()) return;

        if (matches.Count == 0)
        {
            var failures = new List<Finding>[branches.Length];
            for (var i = 0; i < branches.Length; i++) failures[i] = context.Capture(branches[i], instance);
            context.ReportAll(BranchChoice.Explain(this, instance, failures));
            return;
        }
        var message = $"{Wording.Name(instance)} matches more than one of the allowed shapes ({Wording.All([.. matches.Select(i => $"#{i}")])}); it must match exactly one";
        context.Report(Finding.At(this, "oneOf", instance, message));
    }
}
