namespace Pipeline.Json.Options;

/// <summary>Whether an operator must give an option.</summary>
public enum Requirement
{
    /// <summary>Nothing in the schema requires it.</summary>
    Optional,

    /// <summary>
    /// Required only in some cases: in some <c>anyOf</c>/<c>oneOf</c> branches but not all, under
    /// <c>dependencies</c>, or by a schema that is itself one branch of several.
    /// </summary>
    Conditional,

    /// <summary>
    /// Required whatever else is set: listed in <c>required</c> of its parent or of an <c>allOf</c>
    /// branch of it, in every branch of an <c>anyOf</c>/<c>oneOf</c>, or Draft 3's <c>required: true</c>.
    /// </summary>
    Required,
}
