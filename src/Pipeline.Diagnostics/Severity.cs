namespace Pipeline.Diagnostics;

/// <summary>How bad a diagnostic is. Errors fail validation; warnings and notes inform.</summary>
public enum Severity
{
    Note,
    Warning,
    Error,
}
