namespace Pipeline.Cli;

/// <summary>
/// The console as the commands see it, passed in so tests can run commands in parallel and read
/// what they print.
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal)
{
    /// <summary>Standard error is a terminal as well: a progress line redrawn in place (on standard error) is read, not logged.</summary>
    public bool ErrorIsTerminal { get; init; } = true;

    public static CliConsole System() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null)
        {
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
}
