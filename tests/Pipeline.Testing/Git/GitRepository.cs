using System.Diagnostics;

namespace Pipeline.Testing.Git;

/// <summary>A real Git repository in a temp folder, driven through the git program.</summary>
public sealed class GitRepository : IDisposable
{
    public GitRepository(string? path = null)
    {
        Root = path ?? Path.Combine(Path.GetTempPath(), "pipeline-git-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        if (path is null)
        {
            Git("init", "-q", "-b", "main");
            Git("config", "user.email", "tests@example.org");
            Git("config", "user.name", "Tests");
            Git("config", "commit.gpgsign", "false");
        }
    }

    public string Root { get; }

    public GitRepository Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>A package.json that passes full validation.</summary>
    public GitRepository Package(string name, int revision, string version, string? nameInFile = null) =>
        Write($"packages/{char.ToUpperInvariant(name[0])}/{name}/{revision}/package.json", PackageJson(nameInFile ?? name, version));

    public static string PackageJson(string name, string version) => $$"""
        {
          "packagingVersion": "4.0",
          "name": "{{name}}",
          "version": "{{version}}",
          "maintainer": "team@example.org",
          "description": "A sample package.",
          "tags": [
            "sample"
          ]
        }
        """;

    public GitRepository Delete(string path)
    {
        Git("rm", "-r", "-q", path);
        return this;
    }

    public GitRepository Move(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, to))!);
        Git("mv", from, to);
        return this;
    }

    public string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public GitRepository Branch(string name)
    {
        Git("checkout", "-q", "-b", name);
        return this;
    }

    public GitRepository Checkout(string name)
    {
        Git("checkout", "-q", name);
        return this;
    }

    /// <summary>A full clone of this repository (objects hard-linked), checked out at its current branch.</summary>
    public GitRepository Clone()
    {
        var target = Path.Combine(Path.GetTempPath(), "pipeline-git-tests", Guid.NewGuid().ToString("N"));
        Run(Path.GetTempPath(), "clone", "-q", Root, target);
        var clone = new GitRepository(target);
        clone.Git("config", "user.email", "tests@example.org");
        clone.Git("config", "user.name", "Tests");
        clone.Git("config", "commit.gpgsign", "false");
        return clone;
    }

    /// <summary>A shallow clone of this repository's <paramref name="branch"/>, as actions/checkout makes by default.</summary>
    public GitRepository ShallowClone(string branch)
    {
        var target = Path.Combine(Path.GetTempPath(), "pipeline-git-tests", Guid.NewGuid().ToString("N"));
        Run(Path.GetTempPath(), "clone", "-q", "--depth", "1", "--branch", branch, $"file://{Root}", target);
        return new GitRepository(target);
    }

    public string Git(params string[] arguments) => Run(Root, arguments);

    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Keep the developer's own Git settings out of the tests.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {stderr}");
        return stdout.Result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
