namespace Pipeline.Packages.Tests;

/// <summary>A universe repository in a temporary folder, deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "universe-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "packages"));
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Revision(string name, int revision, string? packageJson = null)
    {
        var relative = $"packages/{char.ToUpperInvariant(name[0])}/{name}/{revision}";
        Write($"{relative}/package.json", packageJson ?? $$"""{"packagingVersion":"4.0","name":"{{name}}","version":"1.{{revision}}.0","maintainer":"a@example.org","description":"d","tags":["t"]}""");
        return relative;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
