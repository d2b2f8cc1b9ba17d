using Pipeline.Build.Output;

namespace Pipeline.Site.Tests.Support;

internal static class SiteFiles
{
    public static string Text(IReadOnlyList<BuiltFile> files, string path) =>
        System.Text.Encoding.UTF8.GetString(files.Single(f => f.Path == path).ToArray());

    public static void WriteAll(IEnumerable<BuiltFile> files, string folder)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = File.Create(path);
            file.CopyTo(stream);
        }
    }
}
