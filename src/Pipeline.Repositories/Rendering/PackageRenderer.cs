using Pipeline.Repositories.Sources;

namespace Pipeline.Repositories.Rendering;

/// <summary>
/// Renders a package the way Cosmos installs it: options deep-merged over the schema defaults,
/// validated, then every descriptor (or the one asked for) rendered over them and parsed.
/// </summary>
public static class PackageRenderer
{
    public static RenderOutcome Render(PackageDefinition package, RenderRequest request)
    {
        var options = PackageOptions.Build(package.Config, request.OptionFiles, request.Assignments, request.Placeholders);
        var descriptors = Select(package, request.Descriptor);
        if (descriptors.Count == 0)
        {
            var available = package.Descriptors.Count == 0 ? "it has none" : "it has " + string.Join(", ", package.Descriptors.Select(d => d.Name.OutputName));
            var problem = request.Descriptor is null
                ? $"{package.Name} {package.Version} has no descriptor to render"
                : $"{package.Name} {package.Version} has no descriptor `{request.Descriptor}`; {available}";
            return new RenderOutcome(options, [], [], problem);
        }
        if (request.ValidateOptions)
        {
            var errors = OptionsValidator.Validate(package.Config, options.Merged, options.User);
            if (errors.Count > 0) return new RenderOutcome(options, errors, []);
        }
        var context = DescriptorRenderer.Context(options.Merged, package.Resource);
        var labels = MarathonLabels.For(package, request.Source, options.User);
        var rendered = descriptors.Select(d => DescriptorRenderer.Render(d, context, request.AppId, labels)).ToArray();
        return new RenderOutcome(options, [], rendered);
    }

    private static IReadOnlyList<DescriptorTemplate> Select(PackageDefinition package, string? wanted) => wanted is null
        ? package.Descriptors
        : package.Descriptors.Where(d => d.Name.OutputName == wanted || d.Name.FileName == wanted || d.Name.Target == wanted).ToArray();
}
