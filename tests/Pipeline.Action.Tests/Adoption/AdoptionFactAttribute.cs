using Pipeline.Testing;

namespace Pipeline.Action.Tests.Adoption;

/// <summary>A test over the real Universe corpus in ../shared; skipped, saying so, when it or the recorded webhook payloads are absent.</summary>
public sealed class AdoptionFactAttribute : FactAttribute
{
    public AdoptionFactAttribute()
    {
        if (SharedCorpus.MissingReason is { } corpus) Skip = corpus;
        else if (RecordedPayloads.MissingReason is { } reason) Skip = reason;
    }
}
