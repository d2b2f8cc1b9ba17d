using System.CommandLine;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Cli.Commands;

/// <summary>The PATH argument of the commands that read a package tree, and finding its root.</summary>
public static class TreeArgument
{
    public static Argument<string> Create() => new("path")
    {
        Description = "A universe repository root, its packages/ folder, or a Universe checkout's repo/ folder.",
        DefaultValueFactory = _ => ".",
    };

    /// <summary>The repository root, or null after telling the user why there is none.</summary>
    public static string? FindRoot(string path, string command, CliConsole console)
    {
        var root = TreeLocator.FindRoot(path, out var reason);
        if (root is null) console.Error.WriteLine($"universe {command}: {reason}");
        return root;
    }
}
