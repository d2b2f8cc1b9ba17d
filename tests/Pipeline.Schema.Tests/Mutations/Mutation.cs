using Newtonsoft.Json.Linq;

namespace Pipeline.Schema.Tests.Mutations;

/// <summary>A corrupted copy of a corpus file: what was done (<see cref="Kind"/>), where (a JSON Pointer), and the result.</summary>
internal sealed record Mutation(string Kind, string Pointer, JToken Document)
{
    public override string ToString() => $"{Kind} at {(Pointer.Length == 0 ? "/" : Pointer)}";
}
