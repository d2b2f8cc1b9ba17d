using Newtonsoft.Json.Linq;

namespace Pipeline.Schema.Tests.Mutations;

/// <summary>
/// Mutations any JSON document can take, at every node down to a depth: remove the node, give it a value of
/// another type, set it to null, and add an unknown key to an object.
/// </summary>
internal static class TreeMutator
{
    public const string UnknownKey = "unknownKeyAddedByMutation";

    public static IReadOnlyList<Mutation> Mutate(JToken document, int maxDepth = int.MaxValue) =>
        Nodes(document, "", 0, maxDepth).SelectMany(node => At(document, node.Pointer, node.Token)).ToList();

    private static IEnumerable<(string Pointer, JToken Token)> Nodes(JToken token, string pointer, int depth, int maxDepth)
    {
        yield return (pointer, token);
        if (depth >= maxDepth) yield break;
        var children = token switch
        {
            JObject obj => obj.Properties().Select(p => (Pointer: $"{pointer}/{JsonPointer.Escape(p.Name)}", Token: p.Value)),
            JArray array => array.Select((item, i) => (Pointer: $"{pointer}/{i}", Token: item)),
            _ => [],
        };
        foreach (var (childPointer, child) in children)
        {
            foreach (var node in Nodes(child, childPointer, depth + 1, maxDepth)) yield return node;
        }
    }

    private static IEnumerable<Mutation> At(JToken document, string pointer, JToken token)
    {
        if (token.Parent is JProperty)
        {
            yield return Edit(document, pointer, "remove", t => ((JProperty)t.Parent!).Remove());
        }
        if (pointer.Length > 0)
        {
            yield return Edit(document, pointer, "wrong-type", t => t.Replace(OtherType(t)));
            if (token.Type != JTokenType.Null) yield return Edit(document, pointer, "null", t => t.Replace(JValue.CreateNull()));
        }
        if (token is JObject)
        {
            yield return Edit(document, pointer, "unknown-key", t => ((JObject)t)[UnknownKey] = "x");
        }
    }

    /// <summary>Applies an edit to the node at the pointer in a deep copy of the document.</summary>
    public static Mutation Edit(JToken document, string pointer, string kind, Action<JToken> edit)
    {
        var copy = document.DeepClone();
        edit(JsonPointer.Find(copy, pointer) ?? throw new ArgumentException($"No node at {pointer}.", nameof(pointer)));
        return new Mutation(kind, pointer, copy);
    }

    private static JToken OtherType(JToken token) => token.Type switch
    {
        JTokenType.Object => new JArray(),
        JTokenType.Array => new JObject(),
        JTokenType.String => new JValue(42),
        JTokenType.Integer or JTokenType.Float => new JValue("42"),
        JTokenType.Boolean => new JValue("true"),
        _ => new JValue(0),
    };
}
