using System.Text.Json;

namespace Pipeline.Build.Json;

/// <summary>An input file parsed once, with whether it repeats object names anywhere.</summary>
internal sealed class ParsedJson(JsonDocument document, bool mayRepeatNames) : IDisposable
{
    public JsonElement Root => document.RootElement;

    /// <summary>Whether some object in the document repeats a name (see <see cref="ObjectMembers"/>).</summary>
    public bool MayRepeatNames { get; } = mayRepeatNames;

    public void Dispose() => document.Dispose();
}
