namespace Pipeline.Diagnostics.Runs;

/// <summary>The exit statuses of every command of <c>universe</c>, the action's included.</summary>
public static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>The content has errors (validation failed).</summary>
    public const int ContentErrors = 1;

    /// <summary>A usage mistake or an infrastructure failure (bad option, unreadable path, disk full).</summary>
    public const int Failure = 2;

    /// <summary>Stopped by Ctrl+C (or a cancelled run): 128 + SIGINT, as shells report an interrupted program.</summary>
    public const int Cancelled = 130;
}
