namespace Pipeline.Action.Tests;

/// <summary>
/// Tests that run `dotnet publish` of Pipeline.Cli run one at a time: publishes of one project
/// share its obj folder, and two at once corrupt each other's intermediate files.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublishingCollection
{
    public const string Name = "Publishes Pipeline.Cli";
}
