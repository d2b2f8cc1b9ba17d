namespace Pipeline.Json.Tests.Conformance;

/// <summary>A fact over the JSON-Schema-Test-Suite in ../shared, skipped, saying so, without it.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!DraftFourSuite.IsPresent) Skip = DraftFourSuite.MissingReason;
    }
}

/// <summary>A theory over the JSON-Schema-Test-Suite in ../shared, skipped, saying so, without it.</summary>
public sealed class SuiteTheoryAttribute : TheoryAttribute
{
    public SuiteTheoryAttribute()
    {
        if (!DraftFourSuite.IsPresent) Skip = DraftFourSuite.MissingReason;
    }
}
