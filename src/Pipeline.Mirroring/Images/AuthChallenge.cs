namespace Pipeline.Mirroring.Images;

/// <summary>A <c>WWW-Authenticate</c> challenge: its scheme (Bearer, Basic) and parameters (realm, service, scope), quoted values unquoted.</summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public string? this[string name] => Parameters.GetValueOrDefault(name);

    /// <summary>The first challenge in a header value, or null when there is none to read.</summary>
    public static AuthChallenge? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 4096) return null;
        var text = header.Trim();
        var space = text.IndexOf(' ');
        var scheme = space < 0 ? text : text[..space];
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = space < 0 ? text.Length : space + 1;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i]))) i++;
            var equals = text.IndexOf('=', i);
            if (equals < 0) break;
            var name = text[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                // A quoted value may hold commas (scope="repository:x:pull,push") and escaped quotes.
                var builder = new System.Text.StringBuilder();
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    builder.Append(text[i]);
                }
                i++;
                value = builder.ToString();
            }
            else
            {
                var comma = text.IndexOf(',', i);
                value = (comma < 0 ? text[i..] : text[i..comma]).Trim();
                i = comma < 0 ? text.Length : comma;
            }
            if (name.Length > 0) parameters[name] = value;
        }
        return new AuthChallenge(scheme, parameters);
    }
}
