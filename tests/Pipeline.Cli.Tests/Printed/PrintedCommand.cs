namespace Pipeline.Cli.Tests.Printed;

/// <summary>Where a document shows a command.</summary>
public enum PrintedKind
{
    /// <summary>A line of a fenced shell block: typed as it is.</summary>
    Shell,

    /// <summary>A code span in prose: typed as it is when complete, else it names a command (`universe build` processes).</summary>
    Inline,

    /// <summary>A table's synopsis, `universe validate [PATH] [--format text|json|sarif]`.</summary>
    Table,
}

/// <summary>
/// One command as a document shows it. A synopsis describes a command (a table's row, or a span in
/// prose that names a command without all it needs); anything else is meant to be typed as it is.
/// </summary>
public sealed record PrintedCommand(string Text, IReadOnlyList<string> Words, PrintedKind Kind, int Line)
{
    /// <summary>The title of the `##` section the command is printed in ("" before the first).</summary>
    public string Section { get; init; } = "";

    public bool Synopsis => Kind == PrintedKind.Table
        || (Kind == PrintedKind.Inline && UniverseArgs is { } args && CommandTree.ParseProblems(args).Count > 0);

    /// <summary>The words as one line, single-spaced: what <c>ProvenElsewhere</c> prefixes are matched against.</summary>
    public string Normalized => string.Join(' ', Words);

    /// <summary>
    /// The arguments of `universe` this runs: the words after `universe`, or after the `--` of
    /// `dotnet run … --project src/Pipeline.Cli … -- ARGS`; null for any other program.
    /// </summary>
    public IReadOnlyList<string>? UniverseArgs
    {
        get
        {
            if (Words.Count > 0 && Words[0] == "universe") return Words.Skip(1).ToArray();
            if (Words.Count < 2 || Words[0] != "dotnet" || Words[1] != "run") return null;
            var project = Words.ToList().IndexOf("--project");
            var separator = Words.ToList().IndexOf("--");
            if (project < 0 || project + 1 >= Words.Count || Words[project + 1].TrimEnd('/') != "src/Pipeline.Cli") return null;
            return separator > project ? Words.Skip(separator + 1).ToArray() : [];
        }
    }

    public override string ToString() => $"line {Line}: `{Text}`";
}
