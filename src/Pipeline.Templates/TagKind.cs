namespace Pipeline.Templates;

/// <summary>What a Mustache tag does. Section ends are not tags of their own: they close a <see cref="Section"/>.</summary>
public enum TagKind
{
    /// <summary><c>{{name}}</c>: the value, JSON-escaped (no surrounding quotes).</summary>
    Variable,

    /// <summary><c>{{{name}}}</c> or <c>{{&amp; name}}</c>: the value, raw.</summary>
    Unescaped,

    /// <summary><c>{{#name}}</c>.</summary>
    Section,

    /// <summary><c>{{^name}}</c>.</summary>
    InvertedSection,

    /// <summary><c>{{! text}}</c>.</summary>
    Comment,

    /// <summary><c>{{&gt; name}}</c>: never resolved, reported as a problem.</summary>
    Partial,

    /// <summary><c>{{=&lt;% %&gt;=}}</c>.</summary>
    SetDelimiter,
}
