namespace Pipeline.Repositories.Rendering;

/// <summary>
/// The result of rendering a package: option errors (then nothing is rendered), or the rendered
/// descriptors; <see cref="Problem"/> when the request itself cannot be served (no such descriptor).
/// </summary>
public sealed record RenderOutcome(
    PackageOptions Options,
    IReadOnlyList<OptionError> OptionErrors,
    IReadOnlyList<RenderedDescriptor> Descriptors,
    string? Problem = null)
{
    public bool Succeeded => Problem is null && OptionErrors.Count == 0 && Descriptors.All(d => d.Succeeded);
}
