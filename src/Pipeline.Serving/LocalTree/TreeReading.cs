using Pipeline.Build;

namespace Pipeline.Serving.LocalTree;

/// <summary>
/// The outcome of reading the local tree once: its build (null when the tree could not be read at
/// all) and, when it does not validate or could not be read, the problem in one line.
/// </summary>
internal sealed record TreeReading(BuildResult? Build, string? Problem)
{
    public bool Validates => Build is not null && Problem is null;
}
