namespace Pipeline.Action.Inputs;

/// <summary>
/// The three labels the action manages. The <c>labels</c> input is <c>false</c> (manage none),
/// <c>true</c> (the defaults) or three comma-separated names in this order.
/// </summary>
public sealed record PullRequestLabelNames(string NewPackage, string Update, string NeedsFixes)
{
    public static PullRequestLabelNames Default { get; } = new("new package", "update", "needs fixes");

    /// <summary>GitHub refuses (422) a label name longer than this.</summary>
    public const int MaxLength = 50;

    public IReadOnlyList<string> All => [NewPackage, Update, NeedsFixes];

    public static PullRequestLabelNames? Parse(string text, out string? problem)
    {
        problem = null;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return Default;
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length == 3 && names.FirstOrDefault(n => n.Length > MaxLength) is { } tooLong)
        {
            problem = $"input `labels`: `{tooLong}` is longer than the {MaxLength} characters GitHub allows in a label name; using the defaults";
            return Default;
        }
        if (names.Length == 3 && names.All(n => n.Length > 0)) return new(names[0], names[1], names[2]);
        problem = $"input `labels` must be true, false, or three comma-separated label names (new package, update, needs fixes), not `{text}`; using the defaults";
        return Default;
    }
}
