namespace Pipeline.Packages.Model;

/// <summary>The file names a revision may hold, besides <c>*.mustache</c> descriptors.</summary>
public static class KnownFiles
{
    public const string Package = "package.json";
    public const string Config = "config.json";
    public const string Resource = "resource.json";
    public const string Command = "command.json";
    public const string Marathon = "marathon.json.mustache";
    public const string Readme = "README.md";

    /// <summary>The shared constant for a known name, so a large tree does not hold a copy per file.</summary>
    public static string Intern(string fileName) => fileName switch
    {
        Package => Package,
        Config => Config,
        Resource => Resource,
        Command => Command,
        Marathon => Marathon,
        Readme => Readme,
        _ => fileName,
    };

    public static bool IsKnown(string fileName) =>
        fileName is Package or Config or Resource or Command or Readme || DescriptorName.TryParse(fileName, out _);
}
