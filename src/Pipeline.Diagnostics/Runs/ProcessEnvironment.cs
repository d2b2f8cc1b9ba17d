using System.Collections;

namespace Pipeline.Diagnostics.Runs;

/// <summary>
/// The environment variables and working folder as the CLI's commands and the action see them,
/// passed in so tests can give a run its own GITHUB_*, INPUT_* or XDG_* variables without
/// touching the process's. Unset and empty are the same thing: GitHub passes an input nobody set
/// as "".
/// </summary>
public sealed class ProcessEnvironment
{
    private readonly Func<string, string?> _lookup;

    /// <param name="lookup">A variable's raw value, or null when unset.</param>
    /// <param name="currentDirectory">The working folder relative paths are taken from (default: the process's).</param>
    public ProcessEnvironment(Func<string, string?> lookup, string? currentDirectory = null)
    {
        _lookup = lookup;
        CurrentDirectory = currentDirectory ?? Environment.CurrentDirectory;
    }

    public string CurrentDirectory { get; }

    /// <summary>The variable's value; null when it is unset or empty.</summary>
    public string? this[string name] => _lookup(name) is { Length: > 0 } value ? value : null;

    /// <summary>A path given by the user, absolute: taken against <see cref="CurrentDirectory"/> when relative.</summary>
    public string FullPath(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));

    /// <summary>The process's variables as they are now, and its working folder.</summary>
    public static ProcessEnvironment System()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value) variables[key] = value;
        }
        return Of(variables, Environment.CurrentDirectory);
    }

    public static ProcessEnvironment Of(IReadOnlyDictionary<string, string> variables, string? currentDirectory = null) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, currentDirectory);
}
