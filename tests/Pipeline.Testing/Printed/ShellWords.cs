using System.Text;

namespace Pipeline.Testing.Printed;

/// <summary>A printed command line split into words as a POSIX shell splits them (quotes, backslashes), one command per `&amp;&amp;`.</summary>
public static class ShellWords
{
    /// <summary>The commands of a line: `a &amp;&amp; b` is two; each is its words.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Commands(string line)
    {
        var commands = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        foreach (var (word, quoted) in Split(line))
        {
            if (!quoted && word == "&&")
            {
                commands.Add(words);
                words = [];
            }
            else
            {
                words.Add(word);
            }
        }
        commands.Add(words);
        return commands.Where(c => c.Count > 0).ToArray();
    }

    private static IEnumerable<(string Word, bool Quoted)> Split(string line)
    {
        var word = new StringBuilder();
        var inWord = false;
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '#' && !inWord) yield break;
            if (char.IsWhiteSpace(c))
            {
                if (inWord) yield return (word.ToString(), quoted);
                word.Clear();
                inWord = quoted = false;
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
            }
            else if (c is '\'' or '"')
            {
                quoted = true;
                var end = line.IndexOf(c, i + 1);
                if (end < 0) throw new FormatException($"unclosed quote in `{line}`");
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else
            {
                word.Append(c);
            }
        }
        if (inWord) yield return (word.ToString(), quoted);
    }
}
