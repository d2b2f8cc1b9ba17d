using System.Text.Json.Nodes;

namespace Pipeline.Repositories.Rendering;

/// <summary>What to render a package with.</summary>
public sealed record RenderRequest
{
    /// <summary>Parsed <c>--options</c> files, merged in order over the defaults.</summary>
    public IReadOnlyList<JsonObject> OptionFiles { get; init; } = [];

    /// <summary><c>--set</c> values, merged in order after the files.</summary>
    public IReadOnlyList<OptionAssignment> Assignments { get; init; } = [];

    /// <summary>Render only this descriptor: "marathon.json", "marathon.json.mustache" or the target "marathon".</summary>
    public string? Descriptor { get; init; }

    /// <summary>Marathon's <c>id</c>, overriding the template's.</summary>
    public string? AppId { get; init; }

    /// <summary>The repository the package came from, for the DCOS_PACKAGE_SOURCE label.</summary>
    public string? Source { get; init; }

    /// <summary>Stand-ins for required options without defaults, as <c>universe validate</c> renders.</summary>
    public bool Placeholders { get; init; }

    /// <summary>Validate the merged options before rendering (Cosmos does; validation's own rendering does not).</summary>
    public bool ValidateOptions { get; init; } = true;
}
