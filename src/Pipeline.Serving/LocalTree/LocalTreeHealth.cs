using System.Text.Json;

namespace Pipeline.Serving.LocalTree;

/// <summary>The local tree's entry in <c>/health</c>.</summary>
internal static class LocalTreeHealth
{
    public static void Write(Utf8JsonWriter writer, LocalTreeStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "local");
        if (status.Root is not null) writer.WriteString("path", status.Root);
        writer.WriteString("state", SourceStateNames.Of(status.State));
        if (status.Snapshot is { } snapshot)
        {
            writer.WriteNumber("generation", snapshot.Generation);
            writer.WriteString("snapshotAt", snapshot.BuiltAt);
        }
        writer.WriteString("checkedAt", status.CheckedAt);
        if (status.Problem is not null) writer.WriteString("problem", status.Problem);
        if (status.Since is { } since) writer.WriteString("since", since);
        writer.WriteEndObject();
    }
}
