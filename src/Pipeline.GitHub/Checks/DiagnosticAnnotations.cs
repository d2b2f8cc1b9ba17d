using Octokit;
using Pipeline.Diagnostics;

namespace Pipeline.GitHub.Checks;

/// <summary>Turns diagnostics into check run annotations within GitHub's rules.</summary>
public static class DiagnosticAnnotations
{
    /// <summary>
    /// Where repository-wide diagnostics go. GitHub requires a path on every annotation and rejects
    /// an empty one; <c>.github</c> is what GitHub Actions itself uses for run-level annotations,
    /// so they show in the check's summary without pointing into any package file.
    /// </summary>
    public const string RepositoryPath = ".github";

    // GitHub's limits on an annotation's title and message.
    private const int MaxTitle = 255;
    private const int MaxMessage = 64 * 1024 - 1;

    public static NewCheckRunAnnotation ToAnnotation(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        // GitHub needs a line; a diagnostic about the whole file (line 0) goes on line 1.
        var line = Math.Max(diagnostic.Line, 1);
        var message = diagnostic.Hint is { Length: > 0 } hint ? $"{diagnostic.Message}\n{hint}" : diagnostic.Message;
        var annotation = new NewCheckRunAnnotation(
            string.IsNullOrEmpty(diagnostic.File) ? RepositoryPath : diagnostic.File,
            line,
            line,
            LevelOf(diagnostic.Severity),
            Cut(message, MaxMessage))
        {
            Title = Cut(diagnostic.Code, MaxTitle),
        };
        // Columns are only allowed on a single-line annotation; ours always are.
        if (diagnostic.Line > 0 && diagnostic.Column > 0)
        {
            annotation.StartColumn = diagnostic.Column;
            annotation.EndColumn = diagnostic.Column;
        }
        return annotation;
    }

    public static CheckAnnotationLevel LevelOf(Severity severity) => severity switch
    {
        Severity.Error => CheckAnnotationLevel.Failure,
        Severity.Warning => CheckAnnotationLevel.Warning,
        _ => CheckAnnotationLevel.Notice,
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
