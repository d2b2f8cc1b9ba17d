namespace Pipeline.Mirroring.CliInstall;

/// <summary>Where CLI binaries go by default: <c>$XDG_BIN_HOME</c>, else <c>~/.local/bin</c>.</summary>
public static class BinDirectory
{
    /// <param name="variable">An environment variable's value, null when unset or empty.</param>
    /// <returns>The folder, or null when neither XDG_BIN_HOME nor HOME is set.</returns>
    public static string? Default(Func<string, string?> variable)
    {
        if (variable("XDG_BIN_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg)) return xdg;
        return variable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".local", "bin") : null;
    }
}
