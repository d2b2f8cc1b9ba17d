namespace Pipeline.Repositories.Configuration;

/// <summary>Where the repositories file lives: <c>$XDG_CONFIG_HOME/universe/repositories.yaml</c>, else under <c>~/.config</c>.</summary>
public static class ConfigPaths
{
    public const string FileName = "repositories.yaml";

    /// <param name="variable">An environment variable's value, null when unset or empty.</param>
    /// <returns>The file's path, or null when neither XDG_CONFIG_HOME nor HOME is set.</returns>
    public static string? Default(Func<string, string?> variable)
    {
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if (variable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg))
        {
            return Path.Combine(xdg, "universe", FileName);
        }
        return variable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "universe", FileName) : null;
    }
}
