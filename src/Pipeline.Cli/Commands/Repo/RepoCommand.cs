using System.CommandLine;
using Pipeline.Diagnostics.Runs;

namespace Pipeline.Cli.Commands.Repo;

/// <summary><c>universe repo add|list|remove</c>: the repositories the consuming commands read.</summary>
public static class RepoCommand
{
    public static Command Create(CliConsole console, ProcessEnvironment environment) =>
        new("repo", "Manage the package repositories that search, describe, versions and render read.")
        {
            RepoAddCommand.Create(console, environment),
            RepoListCommand.Create(console, environment),
            RepoRemoveCommand.Create(console, environment),
        };
}
