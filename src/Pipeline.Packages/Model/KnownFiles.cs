namespace Pipeline.Packages;

/// <summary>The file names a revision may hold, besides <c>*.mustache</c> descriptors.</summary>
public static class KnownFiles
{
    public const string Package = "package.json";
    public const string Config = "config.json";
    public const string Resource = "resource.json";
    public const string Command = "command.json";
    public const string Marathon = "marathon.json.mustache";
    public const string Readme = "README.md";

    public static bool IsKnown(string fileName) =>
        fileName is Package or Config or Resource or Command or Readme || DescriptorName.TryParse(fileName, out _);
}
