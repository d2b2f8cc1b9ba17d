using System.Text.Json;
using Pipeline.Serving.Merging;
using Pipeline.Serving.Upstreams;

namespace Pipeline.Serving;

/// <summary>The parts of <c>/health</c> that list things, each kept short whatever the upstreams hold.</summary>
internal static class HealthReport
{
    /// <summary>Conflicts listed; past it, only counted (an upstream may repeat a whole universe).</summary>
    public const int MaxShadowedListed = 20;

    /// <summary><c>leftOut</c>: how many packages of a DC/OS upstream could not be served, and why for the first few.</summary>
    public static void WriteLeftOut(Utf8JsonWriter writer, DcosUpstreamBuild dcos)
    {
        writer.WriteNumber("leftOutCount", dcos.LeftOutCount);
        writer.WriteStartArray("leftOut");
        foreach (var problem in dcos.LeftOut) writer.WriteStringValue(problem);
        writer.WriteEndArray();
    }

    /// <summary><c>shadowed</c>: names served from one source and hidden in others, <c>shadowedCount</c> counting them all.</summary>
    public static void WriteShadowed(Utf8JsonWriter writer, IReadOnlyList<ShadowedPackage> shadowed)
    {
        writer.WriteNumber("shadowedCount", shadowed.Count);
        writer.WriteStartArray("shadowed");
        foreach (var conflict in shadowed.Take(MaxShadowedListed))
        {
            writer.WriteStartObject();
            writer.WriteString("name", conflict.Name);
            writer.WriteString("servedFrom", conflict.ServedFrom);
            writer.WriteStartArray("hiddenIn");
            foreach (var source in conflict.HiddenIn) writer.WriteStringValue(source);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
