using Pipeline.Json.Dom;
using Pipeline.Json.Schema.Compilation;
using Pipeline.Json.Schema.Validation;

namespace Pipeline.Json.Schema.Keywords;

/// <summary><c>uniqueItems</c>: reports the first pair of equal items.</summary>
internal sealed class UniqueItemsKeyword(JsonDatum at, SchemaPointers pointers) : Keyword(at, pointers)
{
    // Short arrays (enum and required lists) are compared pair by pair, without a table.
    private const int PairwiseLimit = 16;

    public override void Validate(JsonDatum instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Array) return;
        var items = instance.ItemArray;
        if (items.Length < 2) return;
        var (first, second) = items.Length <= PairwiseLimit ? FirstPairByComparing(items) : FirstPairByHash(items);
        if (second < 0 || context.Failing()) return;
        var message = $"{Wording.Name(instance)} must not contain duplicates: items {first} and {second} are both {Wording.Value(items[second])}";
        context.Report(Finding.At(this, "uniqueItems", instance, message));
    }

    /// <summary>The earliest item equal to an earlier one, with the first item it equals; (-1, -1) when all differ.</summary>
    private static (int First, int Second) FirstPairByComparing(JsonDatum[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonEquality.Equal(items[j], items[i])) return (j, i);
            }
        }
        return (-1, -1);
    }

    private static (int First, int Second) FirstPairByHash(JsonDatum[] items)
    {
        var byHash = new Dictionary<int, List<int>>();
        for (var i = 0; i < items.Length; i++)
        {
            var hash = JsonEquality.ShallowHash(items[i]);
            if (!byHash.TryGetValue(hash, out var earlier))
            {
                byHash[hash] = [i];
                continue;
            }
            foreach (var j in earlier)
            {
                if (JsonEquality.Equal(items[j], items[i])) return (j, i);
            }
            earlier.Add(i);
        }
        return (-1, -1);
    }
}
