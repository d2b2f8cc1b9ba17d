using Pipeline.Packages.Model;
using Pipeline.Packages;

namespace Pipeline.Repositories.Sources;

/// <summary>A descriptor's Mustache text, e.g. <c>marathon.json.mustache</c>, named as the index names it.</summary>
public sealed record DescriptorTemplate(DescriptorName Name, string Template);
