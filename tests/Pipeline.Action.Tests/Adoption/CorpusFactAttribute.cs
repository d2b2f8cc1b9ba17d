namespace Pipeline.Action.Tests.Adoption;

/// <summary>A test over the real Universe corpus in ../shared; skipped, saying so, when it or the recorded webhook payloads are absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!Directory.Exists(AdoptedUniverse.CorpusRepo)) Skip = $"needs the Universe corpus at {AdoptedUniverse.CorpusRepo} (../shared beside the checkout)";
        else if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }
}
