using System.Text.Json.Nodes;

namespace Pipeline.Bumping.Assets;

/// <summary>
/// One URL string of resource.json the bump may rewrite: where it is (<see cref="Path"/>, dotted,
/// and <see cref="Pointer"/>), whether it names a Docker image rather than a file, and for a CLI
/// binary the object that holds its <c>contentHash</c>.
/// </summary>
internal sealed class ResourceUrl(string path, string pointer, JsonNode container, string? member, int index, bool dockerImage, JsonObject? binary)
{
    public string Path { get; } = path;

    public string Pointer { get; } = pointer;

    public bool DockerImage { get; } = dockerImage;

    /// <summary>The <c>cli.binaries.&lt;os&gt;.&lt;arch&gt;</c> object, for its contentHash.</summary>
    public JsonObject? Binary { get; } = binary;

    public string Value
    {
        get => (member is null ? container.AsArray()[index] : container.AsObject()[member])!.GetValue<string>();
        set
        {
            if (member is null) container.AsArray()[index] = value;
            else container.AsObject()[member] = value;
        }
    }
}
