namespace Pipeline.Validation.Tests;

/// <summary>A universe repository in a temporary folder, deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "universe-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "packages"));
    }

    public string Root { get; }

    public string Write(string relativePath, string content) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A minimal valid packaging 4.0 revision; returns its folder relative to the root.</summary>
    public string Revision(string name = "sample", int revision = 0)
    {
        var relative = $"packages/{char.ToUpperInvariant(name[0])}/{name}/{revision}";
        Write($"{relative}/package.json", $$"""
            {
              "packagingVersion": "4.0",
              "name": "{{name}}",
              "version": "1.{{revision}}.0",
              "maintainer": "team@example.org",
              "description": "A sample package.",
              "tags": ["sample"]
            }
            """);
        return relative;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
