namespace Pipeline.Bumping;

/// <summary>One file of the new revision, by its name in the revision folder, as written.</summary>
public sealed record BumpedFile(string Name, ReadOnlyMemory<byte> Content);
