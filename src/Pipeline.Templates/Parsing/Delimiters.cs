namespace Pipeline.Templates.Parsing;

/// <summary>The pair of strings that open and close a tag; <c>{{ }}</c> until a set-delimiter tag changes them.</summary>
internal sealed record Delimiters(string Open, string Close)
{
    public static Delimiters Default { get; } = new("{{", "}}");

    /// <summary>What ends a triple-mustache tag, <c>}}}</c> by default.</summary>
    public string TripleClose { get; } = "}" + Close;

    /// <summary>What ends a set-delimiter tag, <c>=}}</c> by default.</summary>
    public string SetDelimiterClose { get; } = "=" + Close;
}
