using System.Xml.Linq;
using Pipeline.Testing;

namespace Pipeline.Architecture.Tests;

/// <summary>A project under src/ as its project file declares it.</summary>
/// <param name="AssemblyName">What it builds (the CLI builds `universe`).</param>
internal sealed record SourceProject(string Name, string AssemblyName, string Folder, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    public static IReadOnlyList<SourceProject> All { get; } = Load();

    public static SourceProject Named(string name) => All.Single(p => p.Name == name);

    /// <summary>The built assembly, from beside the tests (the CLI is referenced, so all of them are there).</summary>
    public System.Reflection.Assembly Assembly => System.Reflection.Assembly.Load(AssemblyName);

    private static IReadOnlyList<SourceProject> Load()
    {
        var src = Path.Combine(RepositoryFolders.Root, "src");
        return Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Select(Read)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
    }

    private static SourceProject Read(string path)
    {
        var document = XDocument.Load(path);
        string[] Includes(string item) => document.Descendants(item)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToArray();
        var name = Path.GetFileNameWithoutExtension(path);
        return new SourceProject(
            name,
            document.Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? name,
            Path.GetDirectoryName(path)!,
            Includes("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Replace('\\', '/'))).ToArray(),
            Includes("PackageReference"));
    }
}
