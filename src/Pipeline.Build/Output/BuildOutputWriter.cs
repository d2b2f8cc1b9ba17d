namespace Pipeline.Build.Output;

/// <summary>
/// Writes a <see cref="BuildResult"/> to a folder. Each file is written to a temporary file beside
/// it and renamed over the old one, so a reader never sees a half-written file; SHA256SUMS goes
/// last, so it never lists content that is not there yet. Files of earlier builds that this build
/// no longer produces are left alone. Files are not flushed to stable storage: the rename makes
/// them atomic for readers, not durable across a power cut.
/// </summary>
public static class BuildOutputWriter
{
    /// <param name="maxDegreeOfParallelism">Files written at once; defaults to the processor count.</param>
    public static void Write(BuildResult result, string outputDirectory, int? maxDegreeOfParallelism = null)
    {
        var parallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        OutputFile? sums = null;
        var files = new List<OutputFile>(result.Files.Count);
        foreach (var file in result.Files)
        {
            if (file.Path == Sha256Sums.FileName) sums = file;
            else files.Add(file);
        }
        foreach (var folder in files.Select(f => Path.GetDirectoryName(f.Path)).Distinct(StringComparer.Ordinal))
        {
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(Path.Combine(root, folder));
        }

        LargestFirst.ForEach(files, parallelism, i => WriteAtomically(root, files[i]));
        if (sums is not null) WriteAtomically(root, sums);
    }

    private static void WriteAtomically(string root, OutputFile file)
    {
        var target = Path.Combine(root, file.Path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None))
            {
                // One gathered write per file: the segments go to the kernel as they are.
                RandomAccess.Write(handle, file.Segments, 0);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting.
        }
    }
}
