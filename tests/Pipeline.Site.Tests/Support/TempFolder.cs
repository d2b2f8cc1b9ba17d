namespace Pipeline.Site.Tests.Support;

internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "site-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the server being stopped; the OS cleans temp.
        }
    }
}
