namespace Pipeline.Serving;

/// <summary>
/// A configured repository served through this one: its name and the address of its published
/// <c>index.json</c>; its <c>package/&lt;name&gt;.json</c> and <c>repo-up-to-&lt;release&gt;.json</c> files lie beside it.
/// </summary>
public sealed record Upstream(string Name, Uri Index);
