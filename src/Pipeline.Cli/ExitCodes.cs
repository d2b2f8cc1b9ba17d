namespace Pipeline.Cli;

/// <summary>Exit statuses shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>Done, nothing wrong.</summary>
    public const int Success = 0;

    /// <summary>The content has errors (validation failed).</summary>
    public const int ContentErrors = 1;

    /// <summary>A usage mistake or an infrastructure failure (bad option, unreadable path, disk full).</summary>
    public const int Failure = 2;
}
