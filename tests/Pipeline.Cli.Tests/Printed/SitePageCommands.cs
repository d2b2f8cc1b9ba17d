using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Build.Output;

namespace Pipeline.Cli.Tests.Printed;

/// <summary>
/// The commands a generated site prints: every line of a <c>&lt;pre class="command"&gt;</c> block,
/// entities decoded, split into words as a POSIX shell would split them.
/// </summary>
internal static partial class SitePageCommands
{
    public sealed record Printed(string Page, string Line, IReadOnlyList<string> Words);

    public static IReadOnlyList<Printed> Of(IReadOnlyList<BuiltFile> site, string program) =>
        [.. from file in site
            where file.Path.EndsWith(".html", StringComparison.Ordinal)
            from block in CodeBlock().Matches(Encoding.UTF8.GetString(file.ToArray()))
            from line in WebUtility.HtmlDecode(block.Groups[1].Value).Split('\n')
            let words = ShellWords(line)
            where words.Count > 0 && words[0] == program
            select new Printed(file.Path, line, words)];

    /// <summary>
    /// Splits a line as sh does when it holds no expansions: blanks separate words, '…' quotes
    /// literally, "…" quotes with \ escaping only $ ` " \ and newline, and \ outside quotes escapes
    /// the next character. An unquoted $, `, *, ?, [, ~, ;, |, &amp;, &lt;, &gt; or ( would make the shell
    /// do more than split, so the line is refused: a printed command must not rely on any of them.
    /// </summary>
    public static IReadOnlyList<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException($"unterminated ' in: {line}");
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                for (i++; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] is '$' or '`') throw new FormatException($"an expansion inside \"…\" in: {line}");
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '$' or '`' or '"' or '\\') i++;
                    word.Append(line[i]);
                }
                if (i >= line.Length) throw new FormatException($"unterminated \" in: {line}");
            }
            else if (c == '\\')
            {
                if (++i >= line.Length) throw new FormatException($"a trailing \\ in: {line}");
                word.Append(line[i]);
            }
            else if ("$`*?[~;|&<>()#".Contains(c, StringComparison.Ordinal) && (c != '~' || word.Length == 0) && (c != '#' || word.Length == 0))
            {
                throw new FormatException($"an unquoted {c} in: {line}");
            }
            else
            {
                word.Append(c);
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    [GeneratedRegex("<pre class=\"command\"><code>(.*?)</code></pre>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeBlock();
}
