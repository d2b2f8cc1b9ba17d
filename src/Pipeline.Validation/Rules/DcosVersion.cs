namespace Pipeline.Validation.Rules;

/// <summary>A DC/OS release version such as "1.10", compared numerically part by part.</summary>
public readonly record struct DcosVersion(IReadOnlyList<int> Parts) : IComparable<DcosVersion>
{
    public static bool TryParse(string? text, out DcosVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text)) return false;
        var parts = new List<int>();
        foreach (var part in text.Split('.'))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return false;
            parts.Add(n);
        }
        version = new DcosVersion(parts);
        return true;
    }

    public int CompareTo(DcosVersion other)
    {
        for (var i = 0; i < Math.Max(Parts.Count, other.Parts.Count); i++)
        {
            var a = i < Parts.Count ? Parts[i] : 0;
            var b = i < other.Parts.Count ? other.Parts[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        return 0;
    }

    public static bool operator <(DcosVersion a, DcosVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(DcosVersion a, DcosVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(DcosVersion a, DcosVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DcosVersion a, DcosVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Join('.', Parts);
}
