namespace Pipeline.Templates.Tests;

/// <summary>Tests that measure time run alone, so they measure this engine rather than the tests beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialCollection
{
    public const string Name = "Sequential";
}
