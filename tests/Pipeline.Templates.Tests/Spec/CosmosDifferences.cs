namespace Pipeline.Templates.Tests.Spec;

/// <summary>
/// The Mustache spec cases Cosmos renders differently on purpose, case by case: file and test name
/// to the reason. A listed case must differ from the spec's expected output, and every other case
/// must match it.
/// </summary>
internal static class CosmosDifferences
{
    private const string JsonEscaped =
        "Cosmos JSON-escapes values instead of HTML-escaping them, so \"{{x}}\" stays a valid JSON string";

    private const string RawEscapedToo =
        "Cosmos JSON-escapes string values before rendering, so {{{x}}} and {{&x}} insert them escaped like {{x}}";

    private const string WholeKeyFirst =
        "Cosmos (mustache.java) asks each context for the whole dotted name before following the dots";

    private const string Partial = "no partials in Cosmos: a package template cannot include other files";

    private const string DynamicName = "no partials in Cosmos, so no dynamic partial names (optional module)";

    private const string Inheritance = "no template inheritance in Cosmos: parents and blocks are partials (optional module)";

    private const string Lambda = "no lambdas in Cosmos: options are plain JSON, never code (optional module)";

    private static readonly Dictionary<(string File, string Name), string> Cases = new()
    {
        [("delimiters.json", "Partial Inheritence")] = Partial,
        [("delimiters.json", "Post-Partial Behavior")] = Partial,

        [("interpolation.json", "HTML Escaping")] = JsonEscaped,
        [("interpolation.json", "Triple Mustache")] = RawEscapedToo,
        [("interpolation.json", "Ampersand")] = RawEscapedToo,
        [("interpolation.json", "Dotted Names are never single keys")] = WholeKeyFirst,
        [("interpolation.json", "Dotted Names - No Masking")] = WholeKeyFirst,
        [("interpolation.json", "Implicit Iterators - HTML Escaping")] = JsonEscaped,
        [("interpolation.json", "Implicit Iterators - Triple Mustache")] = RawEscapedToo,
        [("interpolation.json", "Implicit Iterators - Ampersand")] = RawEscapedToo,

        [("sections.json", "Implicit Iterator - HTML Escaping")] = JsonEscaped,
        [("sections.json", "Implicit Iterator - Triple mustache")] = RawEscapedToo,
        [("sections.json", "Implicit Iterator - Ampersand")] = RawEscapedToo,

        [("partials.json", "Basic Behavior")] = Partial,
        [("partials.json", "Context")] = Partial,
        [("partials.json", "Recursion")] = Partial,
        [("partials.json", "Nested")] = Partial,
        [("partials.json", "Surrounding Whitespace")] = Partial,
        [("partials.json", "Inline Indentation")] = Partial,
        [("partials.json", "Standalone Line Endings")] = Partial,
        [("partials.json", "Standalone Without Previous Line")] = Partial,
        [("partials.json", "Standalone Without Newline")] = Partial,
        [("partials.json", "Standalone Indentation")] = Partial,
        [("partials.json", "Padding Whitespace")] = Partial,

        [("~dynamic-names.json", "Basic Behavior - Partial")] = DynamicName,
        [("~dynamic-names.json", "Basic Behavior - Name Resolution")] = DynamicName,
        [("~dynamic-names.json", "Context")] = DynamicName,
        [("~dynamic-names.json", "Dotted Names")] = DynamicName,
        [("~dynamic-names.json", "Dotted Names - Failed Lookup")] = DynamicName,
        [("~dynamic-names.json", "Dotted names - Context Stacking")] = DynamicName,
        [("~dynamic-names.json", "Dotted names - Context Stacking Under Repetition")] = DynamicName,
        [("~dynamic-names.json", "Dotted names - Context Stacking Failed Lookup")] = DynamicName,
        [("~dynamic-names.json", "Recursion")] = DynamicName,
        [("~dynamic-names.json", "Surrounding Whitespace")] = DynamicName,
        [("~dynamic-names.json", "Inline Indentation")] = DynamicName,
        [("~dynamic-names.json", "Standalone Line Endings")] = DynamicName,
        [("~dynamic-names.json", "Standalone Without Previous Line")] = DynamicName,
        [("~dynamic-names.json", "Standalone Without Newline")] = DynamicName,
        [("~dynamic-names.json", "Standalone Indentation")] = DynamicName,
        [("~dynamic-names.json", "Padding Whitespace")] = DynamicName,

        [("~inheritance.json", "Default")] = Inheritance,
        [("~inheritance.json", "Variable")] = Inheritance,
        [("~inheritance.json", "Triple Mustache")] = Inheritance,
        [("~inheritance.json", "Sections")] = Inheritance,
        [("~inheritance.json", "Negative Sections")] = Inheritance,
        [("~inheritance.json", "Mustache Injection")] = Inheritance,
        [("~inheritance.json", "Inherit")] = Inheritance,
        [("~inheritance.json", "Overridden content")] = Inheritance,
        [("~inheritance.json", "Data does not override block")] = Inheritance,
        [("~inheritance.json", "Data does not override block default")] = Inheritance,
        [("~inheritance.json", "Overridden parent")] = Inheritance,
        [("~inheritance.json", "Two overridden parents")] = Inheritance,
        [("~inheritance.json", "Override parent with newlines")] = Inheritance,
        [("~inheritance.json", "Inherit indentation")] = Inheritance,
        [("~inheritance.json", "Only one override")] = Inheritance,
        [("~inheritance.json", "Parent template")] = Inheritance,
        [("~inheritance.json", "Recursion")] = Inheritance,
        [("~inheritance.json", "Multi-level inheritance")] = Inheritance,
        [("~inheritance.json", "Multi-level inheritance, no sub child")] = Inheritance,
        [("~inheritance.json", "Text inside parent")] = Inheritance,
        [("~inheritance.json", "Block scope")] = Inheritance,
        [("~inheritance.json", "Standalone parent")] = Inheritance,
        [("~inheritance.json", "Standalone block")] = Inheritance,
        [("~inheritance.json", "Block reindentation")] = Inheritance,
        [("~inheritance.json", "Intrinsic indentation")] = Inheritance,
        [("~inheritance.json", "Nested block reindentation")] = Inheritance,

        [("~lambdas.json", "Interpolation")] = Lambda,
        [("~lambdas.json", "Interpolation - Expansion")] = Lambda,
        [("~lambdas.json", "Interpolation - Alternate Delimiters")] = Lambda,
        [("~lambdas.json", "Interpolation - Multiple Calls")] = Lambda,
        [("~lambdas.json", "Escaping")] = Lambda,
        [("~lambdas.json", "Section")] = Lambda,
        [("~lambdas.json", "Section - Expansion")] = Lambda,
        [("~lambdas.json", "Section - Alternate Delimiters")] = Lambda,
        [("~lambdas.json", "Section - Multiple Calls")] = Lambda,
    };

    /// <summary>Every listed case with its reason.</summary>
    public static IEnumerable<((string File, string Name) Case, string Reason)> Listed => Cases.Select(pair => (pair.Key, pair.Value));

    public static string? Reason(string file, string name) => Cases.GetValueOrDefault((file, name));
}
