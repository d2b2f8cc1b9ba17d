namespace Pipeline.Diagnostics;

/// <summary>
/// One entry of the rule catalog: a stable code (never reused once published), the family it
/// belongs to, its default severity, a one-line title and the hint shown when it fires.
/// </summary>
public sealed record Rule(string Code, RuleFamily Family, Severity Severity, string Title, string Hint)
{
    /// <summary>The one file under src/ that emits the rule (names it where its diagnostics are made), from the repository root.</summary>
    public string CheckedIn { get; init; } = "";

    /// <summary>The test class that proves the rule fires, by its full name (a class under tests/).</summary>
    public string ProvenBy { get; init; } = "";

    /// <summary>The rule's own name in PascalCase (its name in the catalog, e.g. <c>InvalidDefault</c>), as SARIF wants one.</summary>
    public string Name => RuleCatalog.NameOf(this);

    /// <summary>The rule's row in the rule catalog page of the tool's repository.</summary>
    public string HelpUri => $"{RuleCatalog.DocumentationUrl}#{Anchor}";

    /// <summary>The rule's anchor in schema/RULES.md (an explicit id on its row, so it never depends on a heading's slug).</summary>
    public string Anchor => Code.ToLowerInvariant();

    public Diagnostic At(string? file, int line, int column, string message, string? hint = null) =>
        new(Code, Severity, file, line, column, message, hint ?? Hint);

    public Diagnostic At(string? file, SourcePosition position, string message, string? hint = null) =>
        At(file, position.Line, position.Column, message, hint);

    public Diagnostic At(string? file, string message, string? hint = null) =>
        At(file, 0, 0, message, hint);
}

public enum RuleFamily
{
    Layout,
    Files,
    Semantics,
    Templates,
    Changes,
}
