namespace Pipeline.Promotion.Planning;

/// <summary>One file of the promoted revision: its name inside the revision folder and its bytes.</summary>
public sealed record PromotionFile(string Name, ReadOnlyMemory<byte> Content);
