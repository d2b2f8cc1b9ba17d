using System.Text.RegularExpressions;

namespace Pipeline.Json.Schema.Compilation;

/// <summary>
/// The URI arithmetic of <c>id</c> and <c>$ref</c>: resolving against a scope, and the key a location
/// is known by. Fragments are kept as written (never re-escaped), so "#/a%20b" reaches the pointer it names.
/// </summary>
internal static partial class SchemaUri
{
    /// <summary>The base of a document that says nothing about where it lives: relative ids and references resolve against it alike.</summary>
    public static Uri Unnamed { get; } = new("http://schema.invalid/document.json");

    /// <summary><paramref name="reference"/> split at its first '#': the location part and the fragment with its '#' ("" when none).</summary>
    public static (string Location, string Fragment) Split(string reference)
    {
        var hash = reference.IndexOf('#');
        return hash < 0 ? (reference, "") : (reference[..hash], reference[hash..]);
    }

    /// <summary>The location part of a reference or id resolved against a scope; null when it is no URI.</summary>
    public static Uri? Resolve(Uri scope, string location)
    {
        if (location.Length == 0) return scope;
        if (HasScheme().IsMatch(location))
        {
            return Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute : null;
        }
        return Uri.TryCreate(scope, location, out var resolved) ? resolved : null;
    }

    /// <summary>How a location is known: its absolute form without fragment.</summary>
    public static string Key(Uri location) =>
        location.IsAbsoluteUri ? location.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped) : location.OriginalString;

    // RFC 3986 scheme; checked first because on Unix a bare "/path" parses as an absolute file URI.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex HasScheme();
}
