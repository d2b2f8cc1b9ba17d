namespace Pipeline.Build.Dcos;

/// <summary>
/// A version compared as Python's <c>distutils.version.LooseVersion</c> compares it, which is how
/// Universe filters packages by <c>minDcosReleaseVersion</c>: the text splits into runs of digits
/// (compared as numbers), runs of lower-case letters and runs of anything else (compared as text),
/// dots separate and vanish. So "1.10" is above "1.9", and "999" above "2.0".
/// </summary>
internal sealed class LooseVersion : IComparable<LooseVersion>
{
    private readonly Component[] _components;

    private LooseVersion(string text, Component[] components)
    {
        Text = text;
        _components = components;
    }

    public string Text { get; }

    public static LooseVersion Parse(string text)
    {
        var components = new List<Component>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (c == '.')
            {
                i++;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                components.Add(Component.Number(text[start..i]));
                continue;
            }
            if (char.IsAsciiLetterLower(c))
            {
                while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            }
            else
            {
                while (i < text.Length && text[i] != '.' && !char.IsAsciiDigit(text[i]) && !char.IsAsciiLetterLower(text[i])) i++;
            }
            components.Add(Component.Word(text[start..i]));
        }
        return new LooseVersion(text, [.. components]);
    }

    public int CompareTo(LooseVersion? other)
    {
        if (other is null) return 1;
        var count = Math.Min(_components.Length, other._components.Length);
        for (var i = 0; i < count; i++)
        {
            var order = _components[i].CompareTo(other._components[i]);
            if (order != 0) return order;
        }
        return _components.Length.CompareTo(other._components.Length);
    }

    public override string ToString() => Text;

    private readonly record struct Component(bool IsNumber, string Text)
    {
        public static Component Number(string digits)
        {
            var trimmed = digits.TrimStart('0');
            return new Component(true, trimmed.Length == 0 ? "0" : trimmed);
        }

        public static Component Word(string text) => new(false, text);

        public int CompareTo(Component other)
        {
            // Python 3 cannot order a number against text at all; numbers first keeps us total.
            if (IsNumber != other.IsNumber) return IsNumber ? -1 : 1;
            if (IsNumber && Text.Length != other.Text.Length) return Text.Length.CompareTo(other.Text.Length);
            return string.CompareOrdinal(Text, other.Text);
        }
    }
}
