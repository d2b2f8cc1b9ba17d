namespace Pipeline.Action.Inputs;

/// <summary>
/// Environment variables as the action reads them, passed in so tests give each run its own
/// INPUT_* and GITHUB_* values. Unset and empty are the same thing: GitHub passes an input
/// nobody set as "".
/// </summary>
public interface IActionEnvironment
{
    string? this[string name] { get; }
}

/// <summary>An environment over a lookup function (the process's, or a test's dictionary).</summary>
public sealed class ActionEnvironment(Func<string, string?> lookup) : IActionEnvironment
{
    public string? this[string name] => lookup(name) is { Length: > 0 } value ? value : null;

    public static ActionEnvironment Of(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null);
}
