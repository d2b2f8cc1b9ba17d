using System.Text;

namespace Pipeline.Cli;

/// <summary>Writes a report file atomically: to a temporary file beside it, then renamed.</summary>
public static class OutputFile
{
    public static bool TryWrite(string path, Action<TextWriter> write, CliConsole console)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                write(writer);
            }
            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"universe: cannot write {path}: {e.Message}");
            try { File.Delete(temp); } catch (IOException) { }
            return false;
        }
    }
}
