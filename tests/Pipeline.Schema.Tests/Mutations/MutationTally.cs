namespace Pipeline.Schema.Tests.Mutations;

/// <summary>How Universe's schema and ours judged the mutated copies of one kind of file.</summary>
internal sealed class MutationTally(string fileName)
{
    private readonly List<string> missed = [];
    private readonly Dictionary<string, int> stricter = new(StringComparer.Ordinal);

    public int Files { get; private set; }
    public int Mutations { get; private set; }
    public int BothReject { get; private set; }
    public int BothAccept { get; private set; }
    public int StricterCount { get; private set; }
    public List<string> SkippedFiles { get; } = [];

    /// <summary>Mutations Universe rejects and ours accepts: each is a hole in our schema.</summary>
    public IReadOnlyList<string> Missed => missed;

    public void CountFile() => Files++;

    public void Add(CorpusRevision revision, Mutation mutation, bool universeRejects, bool oursRejects)
    {
        Mutations++;
        switch (universeRejects, oursRejects)
        {
            case (true, true): BothReject++; break;
            case (false, false): BothAccept++; break;
            case (true, false): missed.Add($"{revision.Display(fileName)}: {mutation}"); break;
            case (false, true):
                StricterCount++;
                var key = $"{mutation.Kind} at {Generalize(mutation.Pointer)}";
                stricter[key] = stricter.GetValueOrDefault(key) + 1;
                break;
        }
    }

    public string Report()
    {
        var lines = new List<string>
        {
            $"{fileName}: {Files} files, {Mutations} mutations; both reject {BothReject}, both accept {BothAccept}, " +
            $"Universe rejects but ours accepts {missed.Count}, Universe accepts but ours rejects {StricterCount}",
        };
        lines.AddRange(SkippedFiles.Select(f => $"  skipped (Universe rejects the original): {f}"));
        lines.AddRange(stricter.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"  stricter: {p.Key} ×{p.Value}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Folds names chosen by package authors (option names, asset aliases) and array indexes into "*".</summary>
    private static string Generalize(string pointer)
    {
        if (pointer.Length == 0) return "/";
        var segments = pointer.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            // Replacing in place keeps an option that is itself named "properties" from being read as the keyword.
            var isAuthorName = segments[i - 1] is "properties" or "definitions" or "patternProperties" or "dependencies" or "uris" or "docker";
            if (isAuthorName || segments[i].All(char.IsAsciiDigit)) segments[i] = "*";
        }
        return string.Join('/', segments);
    }
}
