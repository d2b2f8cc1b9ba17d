using System.Text;
using Pipeline.Packages.Model;
using Pipeline.Packages.Reading;
using Pipeline.Packages;

namespace Pipeline.Build.Tests.Support;

/// <summary>A universe repository written file by file into a temporary folder, deleted afterwards.</summary>
public sealed class TempPackageTree : IDisposable
{
    public TempPackageTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-build-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "packages"));
    }

    public string Root { get; }

    /// <summary>Writes <c>packages/&lt;Initial&gt;/&lt;name&gt;/&lt;revision&gt;/&lt;file&gt;</c> and returns its bytes.</summary>
    public byte[] Add(string name, int revision, string file, string content)
    {
        var folder = Path.Combine(Root, "packages", char.ToUpperInvariant(name[0]).ToString(), name, revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(Path.Combine(folder, file), bytes);
        return bytes;
    }

    public void AddSettings(string yaml) => File.WriteAllText(Path.Combine(Root, "universe.yaml"), yaml);

    public PackageTree Read() => PackageTreeReader.Read(Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
