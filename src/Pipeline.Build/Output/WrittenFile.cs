namespace Pipeline.Build.Output;

/// <summary>
/// A file a streamed build wrote: its path relative to the output folder ('/' separators), its
/// size and its lower-case SHA-256, taken while it was written.
/// </summary>
public sealed record WrittenFile(string Path, long Length, string Sha256);
