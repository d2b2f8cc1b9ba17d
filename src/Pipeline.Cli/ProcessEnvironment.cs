using System.Collections;

namespace Pipeline.Cli;

/// <summary>
/// The environment variables and working folder as the commands see them, passed in (like
/// <see cref="CliConsole"/>) so tests can give a command its own GITHUB_*, INPUT_* or XDG_*
/// variables without touching the process's.
/// </summary>
public sealed class ProcessEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    public ProcessEnvironment(IReadOnlyDictionary<string, string> variables, string currentDirectory)
    {
        _variables = variables;
        CurrentDirectory = currentDirectory;
    }

    public string CurrentDirectory { get; }

    /// <summary>The variable's value; null when it is unset or empty, as GitHub passes unset inputs as "".</summary>
    public string? this[string name] => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static ProcessEnvironment System()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) variables[key] = value;
        }
        return new ProcessEnvironment(variables, Environment.CurrentDirectory);
    }

    public static ProcessEnvironment Of(IReadOnlyDictionary<string, string> variables, string? currentDirectory = null) =>
        new(variables, currentDirectory ?? Environment.CurrentDirectory);
}
