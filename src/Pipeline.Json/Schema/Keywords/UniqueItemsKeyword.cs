namespace Pipeline.Json;

/// <summary><c>uniqueItems</c>: reports the first pair of equal items.</summary>
internal sealed class UniqueItemsKeyword(string schemaPointer) : Keyword(schemaPointer)
{
    public override void Validate(JsonValue instance, ValidationContext context)
    {
        if (instance.Kind != JsonKind.Array || instance.Items.Count < 2) return;
        var items = instance.Items;
        var byHash = new Dictionary<int, List<int>>();
        for (var i = 0; i < items.Count; i++)
        {
            var hash = JsonEquality.ShallowHash(items[i]);
            if (!byHash.TryGetValue(hash, out var earlier))
            {
                byHash[hash] = [i];
                continue;
            }
            foreach (var j in earlier)
            {
                if (!JsonEquality.Equal(items[j], items[i])) continue;
                if (context.Failing()) return;
                var message = $"{Wording.Name(instance)} must not contain duplicates: items {j} and {i} are both {Wording.Value(items[i])}";
                context.Report(Finding.At(this, "uniqueItems", instance, message));
                return;
            }
            earlier.Add(i);
        }
    }
}
