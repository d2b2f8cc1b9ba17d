using System.Text.Json.Nodes;

namespace Pipeline.Templates.Rendering;

/// <summary>
/// A section being rendered: where it starts, the list it iterates (null when it renders once),
/// the index of the next item, and whether it pushed a context (inverted sections do not).
/// </summary>
internal readonly record struct SectionFrame(int Start, JsonArray? Items, int Next, bool PushedContext);
