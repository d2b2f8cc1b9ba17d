namespace Pipeline.Packages.Documents;

/// <summary>A string member of a JSON object: an image, an asset URI, a Docker image by its key.</summary>
public sealed record NamedString(string Name, string Value);
