using Pipeline.Build.Output;

namespace Pipeline.Build.Streaming;

/// <summary>A file written whole, and its gzip copy (bytes and description) when one was kept.</summary>
internal sealed record WrittenContent(WrittenFile File, byte[]? Gzip, WrittenFile? GzipFile);
